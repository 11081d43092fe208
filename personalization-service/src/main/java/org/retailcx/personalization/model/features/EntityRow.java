package org.retailcx.personalization.model.features;

import java.time.Instant;

/** A row of a training set: an entity (e.g. a customer) at the moment the label refers to. */
public record EntityRow(String entityId, Instant timestamp) {
}
