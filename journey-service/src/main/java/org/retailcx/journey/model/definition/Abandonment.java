package org.retailcx.journey.model.definition;

import java.time.Duration;
import java.time.Instant;

/** An instance that stalled in a stage past the stage's expected time. */
public record Abandonment(String instanceId, String customerId, String stage, Instant stageEnteredAt,
                          Duration expectedTime, Instant detectedAt, String reason) {
}
