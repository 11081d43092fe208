package org.retailcx.journey.model.contact;

import java.time.Instant;

/** A message already sent to the customer. */
public record SentMessage(String channel, Instant sentAt) {
}
