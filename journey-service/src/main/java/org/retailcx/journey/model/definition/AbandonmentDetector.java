package org.retailcx.journey.model.definition;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.retailcx.journey.model.definition.JourneyInstance.InstanceStatus;
import org.retailcx.journey.model.definition.JourneyNode.Stage;

/**
 * Finds instances stalled in a stage. Expected times are exact durations, so a stage entered the day before a
 * daylight-saving change and expected to take 24 hours is overdue 24 elapsed hours later, whatever the clock says.
 */
public final class AbandonmentDetector {

    private AbandonmentDetector() {
    }

    /** @return the abandonment if {@code instance} is active and has been in its stage past the expected time */
    public static Optional<Abandonment> check(JourneyDefinition definition, JourneyInstance instance, Instant now) {
        Optional<Instant> due = dueAt(definition, instance);
        if (due.isEmpty() || now.isBefore(due.get())) {
            return Optional.empty();
        }
        Stage stage = (Stage) definition.node(instance.currentStage());
        Duration stalled = Duration.between(instance.stageEnteredAt(), now);
        String reason = "stalled in stage '" + stage.name() + "' for " + stalled + ", expected within "
                + stage.expectedTime() + " (resting at " + instance.currentNode() + ")";
        return Optional.of(new Abandonment(instance.instanceId(), instance.customerId(), stage.id(),
                instance.stageEnteredAt(), stage.expectedTime(), now, reason));
    }

    /** When the instance becomes overdue in its current stage, or empty when it cannot. */
    public static Optional<Instant> dueAt(JourneyDefinition definition, JourneyInstance instance) {
        if (instance.status() != InstanceStatus.ACTIVE || instance.currentStage() == null
                || !(definition.node(instance.currentStage()) instanceof Stage stage) || stage.expectedTime() == null) {
            return Optional.empty();
        }
        return Optional.of(instance.stageEnteredAt().plus(stage.expectedTime()));
    }
}
