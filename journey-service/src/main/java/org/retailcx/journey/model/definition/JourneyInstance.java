package org.retailcx.journey.model.definition;

import java.time.Instant;
import java.util.Set;

/**
 * Where one customer stands in one journey version. Immutable: the state machine returns a new instance for every
 * step. {@code processedEventIds} makes a step idempotent per event id; {@code sequence} numbers the steps so that
 * timer and action ids are deterministic.
 */
public record JourneyInstance(String instanceId, String customerId, String journeyKey, int version,
                              InstanceStatus status, Instant enteredAt, String currentNode, Instant nodeEnteredAt,
                              String currentStage, Instant stageEnteredAt, Timer pendingTimer,
                              Set<String> processedEventIds, long sequence, int recoveryAttempts) {

    public JourneyInstance {
        processedEventIds = Set.copyOf(processedEventIds);
    }

    /** A durable timer the runtime fires at {@code fireAt}; stale ids are ignored. */
    public record Timer(String timerId, String nodeId, Instant fireAt) {
    }

    public enum InstanceStatus {
        ACTIVE, ABANDONED, ENDED, COMPLETED, EXITED;

        public boolean isFinished() {
            return this == ENDED || this == COMPLETED || this == EXITED;
        }
    }

    JourneyInstance withStatus(InstanceStatus newStatus) {
        return new JourneyInstance(instanceId, customerId, journeyKey, version, newStatus, enteredAt, currentNode,
                nodeEnteredAt, currentStage, stageEnteredAt, newStatus.isFinished() ? null : pendingTimer,
                processedEventIds, sequence, recoveryAttempts);
    }
}
