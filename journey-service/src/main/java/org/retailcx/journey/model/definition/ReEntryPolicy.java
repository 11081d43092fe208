package org.retailcx.journey.model.definition;

import java.time.Duration;
import java.time.Instant;

/** Whether a customer who was in the journey before may enter it again. */
public record ReEntryPolicy(Mode mode, Duration cooldown) {

    public enum Mode {
        /** Once per customer, ever. */
        NEVER,
        /** Again once the previous instance has finished. */
        AFTER_FINISH,
        /** Again once the previous instance has finished and {@code cooldown} has passed since it entered. */
        AFTER_COOLDOWN
    }

    public static ReEntryPolicy never() {
        return new ReEntryPolicy(Mode.NEVER, Duration.ZERO);
    }

    public static ReEntryPolicy afterFinish() {
        return new ReEntryPolicy(Mode.AFTER_FINISH, Duration.ZERO);
    }

    public static ReEntryPolicy afterCooldown(Duration cooldown) {
        return new ReEntryPolicy(Mode.AFTER_COOLDOWN, cooldown);
    }

    /** @return why the customer may not enter now, or {@code null} when they may */
    String refusal(JourneyInstance previous, Instant now) {
        if (previous == null) {
            return null;
        }
        if (mode == Mode.NEVER) {
            return "re-entry is never allowed and the customer entered at " + previous.enteredAt();
        }
        if (!previous.status().isFinished()) {
            return "the customer's previous instance is still " + previous.status();
        }
        if (mode == Mode.AFTER_COOLDOWN && now.isBefore(previous.enteredAt().plus(cooldown))) {
            return "re-entry allowed from " + previous.enteredAt().plus(cooldown);
        }
        return null;
    }
}
