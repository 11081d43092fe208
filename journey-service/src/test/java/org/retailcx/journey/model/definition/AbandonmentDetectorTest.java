package org.retailcx.journey.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.retailcx.journey.model.definition.JourneyInstance.InstanceStatus;
import org.retailcx.journey.model.definition.JourneyNode.End;
import org.retailcx.journey.model.definition.JourneyNode.Stage;
import org.retailcx.journey.model.definition.JourneyNode.WaitDuration;

class AbandonmentDetectorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final JourneyDefinition loan = new JourneyDefinition("loan", 1,
            new EventRule("applied", "loan.applied", null), true, "documents",
            List.of(new Stage("documents", "Documents", Duration.ofHours(24), "wait"),
                    new WaitDuration("wait", Duration.ofDays(5), "done"), new End("done")),
            List.of(), List.of(), ReEntryPolicy.afterFinish());

    private JourneyInstance inDocumentsSince(Instant entered, InstanceStatus status) {
        return new JourneyInstance("i", "c", "loan", 1, status, entered, "wait", entered, "documents", entered,
                null, Set.of(), 1, 0);
    }

    /** Clocks spring forward on 30 March 2025: 24 hours after Saturday 12:00 the wall clock shows 13:00. */
    @Test
    void expectedTimeIsElapsedTimeAcrossSpringForward() {
        Instant entered = ZonedDateTime.of(2025, 3, 29, 12, 0, 0, 0, BERLIN).toInstant();
        JourneyInstance instance = inDocumentsSince(entered, InstanceStatus.ACTIVE);

        Instant wallClockDayLater = ZonedDateTime.of(2025, 3, 30, 12, 30, 0, 0, BERLIN).toInstant();
        Instant elapsedDayLater = ZonedDateTime.of(2025, 3, 30, 13, 0, 0, 0, BERLIN).toInstant();

        assertTrue(AbandonmentDetector.check(loan, instance, wallClockDayLater).isEmpty());
        Abandonment abandonment = AbandonmentDetector.check(loan, instance, elapsedDayLater).orElseThrow();
        assertEquals("documents", abandonment.stage());
        assertEquals("stalled in stage 'Documents' for PT24H, expected within PT24H (resting at wait)",
                abandonment.reason());
        assertEquals(elapsedDayLater, AbandonmentDetector.dueAt(loan, instance).orElseThrow());
    }

    @Test
    void onlyActiveInstancesWithAnExpectedTimeAreAbandoned() {
        Instant entered = Instant.parse("2025-10-25T10:00:00Z");
        Instant muchLater = entered.plus(Duration.ofDays(3));

        assertTrue(AbandonmentDetector.check(loan, inDocumentsSince(entered, InstanceStatus.ABANDONED), muchLater)
                .isEmpty());
        assertTrue(AbandonmentDetector.check(loan, inDocumentsSince(entered, InstanceStatus.ENDED), muchLater)
                .isEmpty());
        assertTrue(AbandonmentDetector.check(loan, inDocumentsSince(entered, InstanceStatus.ACTIVE), muchLater)
                .isPresent());
    }
}
