package org.retailcx.personalization.model.features;

import java.time.Instant;

/**
 * One value of a feature for an entity.
 *
 * @param eventTime   when the value became true in the world
 * @param createdTime when the store learnt it; breaks ties between events with the same event time (a
 *                    correction written later wins)
 */
public record FeatureEvent(String entityId, String feature, Object value, Instant eventTime, Instant createdTime) {
}
