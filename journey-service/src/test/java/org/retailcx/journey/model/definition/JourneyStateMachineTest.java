package org.retailcx.journey.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.retailcx.journey.model.condition.ConditionCompiler;
import org.retailcx.journey.model.definition.JourneyInstance.InstanceStatus;
import org.retailcx.journey.model.definition.Transition.Kind;

class JourneyStateMachineTest {

    private static final Instant MONDAY_NOON_UTC = Instant.parse("2026-03-02T12:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final JourneyDefinition onboarding = OnboardingJourney.definition();
    private final JourneyStateMachine machine = new JourneyStateMachine(onboarding, new ConditionCompiler());
    private final CustomerContext lowValue = new CustomerContext("c-1", NEW_YORK, Map.of("decile", 7L));
    private final CustomerContext highValue = new CustomerContext("c-2", NEW_YORK, Map.of("decile", 2L));

    private static JourneyEvent leadCreated(String id, Instant at) {
        return new JourneyEvent(id, OnboardingJourney.LEAD_CREATED, at, Map.of("product", "current-account"));
    }

    private static JourneyEvent login(String id, Instant at, String platform) {
        return new JourneyEvent(id, OnboardingJourney.APP_LOGIN, at, Map.of("platform", platform));
    }

    private Step entered(CustomerContext customer) {
        return machine.enter("i-" + customer.customerId(), leadCreated("e-1", MONDAY_NOON_UTC), customer, true, null);
    }

    @Test
    void entryRunsToTheFirstWaitAndAsksForTheWelcomeMessage() {
        Step step = entered(lowValue);
        JourneyInstance instance = step.instance();

        assertEquals(List.of(Kind.ENTERED, Kind.STAGE_ENTERED, Kind.MOVED, Kind.MOVED, Kind.WAITING),
                step.transitions().stream().map(Transition::kind).toList());
        assertEquals(InstanceStatus.ACTIVE, instance.status());
        assertEquals("await-app", instance.currentNode());
        assertEquals("welcome", instance.currentStage());
        assertEquals(MONDAY_NOON_UTC.plus(Duration.ofDays(3)), instance.pendingTimer().fireAt());
        assertEquals(1, step.actions().size());
        ActionRequest welcome = step.actions().get(0);
        assertEquals(ActionRequest.Type.MESSAGE, welcome.type());
        assertEquals("email", welcome.channel());
        assertEquals("i-c-1/action/1/send-welcome", welcome.actionId());
    }

    @Test
    void entryIsRefusedForOtherEventsConditionsAndUnknownCustomers() {
        JourneyEvent savings = new JourneyEvent("e-2", OnboardingJourney.LEAD_CREATED, MONDAY_NOON_UTC,
                Map.of("product", "savings"));

        assertEquals("entry condition is false",
                machine.enter("i", savings, lowValue, true, null).ignoredBecause());
        assertEquals("journey onboarding admits known customers only",
                machine.enter("i", leadCreated("e-3", MONDAY_NOON_UTC), lowValue, false, null).ignoredBecause());
        assertTrue(machine.enter("i", login("e-4", MONDAY_NOON_UTC, "ios"), lowValue, true, null).isIgnored());
    }

    @Test
    void reEntryWaitsForTheFinishAndTheCoolDown() {
        JourneyInstance running = entered(lowValue).instance();
        JourneyInstance finished = machine.onEvent(running,
                new JourneyEvent("e-9", "customer.closed", MONDAY_NOON_UTC.plusSeconds(60), Map.of()), lowValue)
                .instance();

        Step whileRunning = machine.enter("i-2", leadCreated("e-10", MONDAY_NOON_UTC.plusSeconds(120)), lowValue,
                true, running);
        Step inCoolDown = machine.enter("i-2", leadCreated("e-11", MONDAY_NOON_UTC.plus(Duration.ofDays(29))),
                lowValue, true, finished);
        Step afterCoolDown = machine.enter("i-2", leadCreated("e-12", MONDAY_NOON_UTC.plus(Duration.ofDays(30))),
                lowValue, true, finished);

        assertEquals("the customer's previous instance is still ACTIVE", whileRunning.ignoredBecause());
        assertTrue(inCoolDown.ignoredBecause().startsWith("re-entry allowed from 2026-04-01T12:00:00Z"));
        assertFalse(afterCoolDown.isIgnored());
        assertEquals("i-2", afterCoolDown.instance().instanceId());
    }

    @Test
    void aDuplicateEventChangesNothing() {
        JourneyInstance waiting = entered(lowValue).instance();
        Step first = machine.onEvent(waiting, login("e-2", MONDAY_NOON_UTC.plusSeconds(3600), "ios"), lowValue);

        Step again = machine.onEvent(first.instance(), login("e-2", MONDAY_NOON_UTC.plusSeconds(3600), "ios"),
                lowValue);
        Step entryAgain = machine.onEvent(first.instance(), leadCreated("e-1", MONDAY_NOON_UTC), lowValue);

        assertEquals(first.instance(), again.instance());
        assertEquals("event e-2 was already processed", again.ignoredBecause());
        assertTrue(again.actions().isEmpty());
        assertTrue(entryAgain.isIgnored());
    }

    @Test
    void theSameInputGivesTheSameStep() {
        JourneyInstance waiting = entered(lowValue).instance();
        JourneyEvent event = login("e-2", MONDAY_NOON_UTC.plusSeconds(3600), "android");

        assertEquals(machine.onEvent(waiting, event, lowValue), machine.onEvent(waiting, event, lowValue));
    }

    @Test
    void theAwaitedEventMovesOnOnlyWhenItsConditionHolds() {
        JourneyInstance waiting = entered(lowValue).instance();

        Step web = machine.onEvent(waiting, login("e-2", MONDAY_NOON_UTC.plusSeconds(60), "web"), lowValue);
        Step ios = machine.onEvent(waiting, login("e-3", MONDAY_NOON_UTC.plusSeconds(60), "ios"), lowValue);

        assertTrue(web.isIgnored());
        assertEquals(waiting, web.instance());
        assertEquals("app-active", ios.instance().currentStage());
        assertTrue(ios.transitions().stream().anyMatch(t -> t.kind() == Kind.MOVED && t.fromNode().equals("offer-test")));
    }

    @Test
    void timeoutTakesTheReminderBranchChosenByCondition() {
        Step low = fireTimer(entered(lowValue).instance(), lowValue);
        Step high = fireTimer(entered(highValue).instance(), highValue);

        assertEquals(ActionRequest.Type.MESSAGE, low.actions().get(0).type());
        assertEquals("sms", low.actions().get(0).channel());
        assertEquals(ActionRequest.Type.NEXT_BEST_ACTION, high.actions().get(0).type());
        assertEquals("onboarding", high.actions().get(0).content());
        // Timed out Thursday 12:00 UTC = 07:00 in New York: the morning wait ends at 09:00 there the same day.
        assertEquals(Instant.parse("2026-03-05T14:00:00Z"), low.instance().pendingTimer().fireAt());
    }

    @Test
    void aTimerFiresOnceAndStaleTimersAreIgnored() {
        JourneyInstance waiting = entered(lowValue).instance();
        Step fired = fireTimer(waiting, lowValue);

        Step stale = machine.onTimer(fired.instance(), waiting.pendingTimer().timerId(),
                waiting.pendingTimer().fireAt(), lowValue);
        Step unknown = machine.onTimer(waiting, "i-c-1/timer/99", MONDAY_NOON_UTC, lowValue);

        assertTrue(stale.isIgnored());
        assertEquals(fired.instance(), stale.instance());
        assertTrue(unknown.isIgnored());
    }

    @Test
    void goalCompletesAndExitEndsFromAnyNode() {
        JourneyInstance waiting = entered(lowValue).instance();

        Step funded = machine.onEvent(waiting, new JourneyEvent("e-5", "account.funded",
                MONDAY_NOON_UTC.plusSeconds(10), Map.of("amount", 250.0)), lowValue);
        Step zero = machine.onEvent(waiting, new JourneyEvent("e-6", "account.funded",
                MONDAY_NOON_UTC.plusSeconds(10), Map.of("amount", 0.0)), lowValue);
        Step closed = machine.onEvent(waiting, new JourneyEvent("e-7", "customer.closed",
                MONDAY_NOON_UTC.plusSeconds(10), Map.of()), lowValue);

        assertEquals(InstanceStatus.COMPLETED, funded.instance().status());
        assertNull(funded.instance().pendingTimer());
        assertEquals("account funded", funded.transitions().get(0).detail());
        assertTrue(zero.isIgnored());
        assertEquals(InstanceStatus.EXITED, closed.instance().status());
        assertTrue(machine.onEvent(funded.instance(), login("e-8", MONDAY_NOON_UTC, "ios"), lowValue).isIgnored());
    }

    @Test
    void experimentSplitIsStablePerCustomerAndFollowsTheWeights() {
        int offers = 0;
        for (int c = 0; c < 10_000; c++) {
            CustomerContext customer = new CustomerContext("c" + c, NEW_YORK, Map.of("decile", 5L));
            JourneyInstance waiting = entered(customer).instance();
            Step active = machine.onEvent(waiting, login("e-2", MONDAY_NOON_UTC.plusSeconds(60), "ios"), customer);
            boolean offered = active.actions().stream().anyMatch(a -> "savings-offer".equals(a.content()));
            Step replay = machine.onEvent(waiting, login("e-3", MONDAY_NOON_UTC.plusSeconds(90), "ios"), customer);
            assertEquals(offered, replay.actions().stream().anyMatch(a -> "savings-offer".equals(a.content())));
            offers += offered ? 1 : 0;
        }
        // 50/50 over 10,000 customers: 4σ is 200.
        assertTrue(Math.abs(offers - 5_000) < 200, "offers " + offers);
    }

    @Test
    void anAbandonedCustomerIsWonBackWhereTheyLeft() {
        JourneyInstance waiting = entered(lowValue).instance();
        assertTrue(AbandonmentDetector.check(onboarding, waiting, MONDAY_NOON_UTC.plus(Duration.ofDays(1))).isEmpty());
        Abandonment abandonment = AbandonmentDetector.check(onboarding, waiting,
                MONDAY_NOON_UTC.plus(Duration.ofDays(2))).orElseThrow();
        assertEquals("welcome", abandonment.stage());

        JourneyInstance abandoned = machine.abandon(waiting, abandonment).instance();
        Step reminded = fireTimer(abandoned, lowValue);
        Step morning = fireTimer(reminded.instance(), lowValue);
        Step back = machine.onEvent(morning.instance(),
                login("e-20", morning.instance().nodeEnteredAt().plusSeconds(600), "web"), lowValue);

        assertEquals(InstanceStatus.ABANDONED, abandoned.status());
        assertEquals("await-app", abandoned.currentNode());
        assertEquals(1, reminded.instance().recoveryAttempts());
        assertEquals(InstanceStatus.ABANDONED, morning.instance().status());
        assertEquals(Kind.RECOVERED, back.transitions().get(0).kind());
        assertTrue(back.transitions().stream().anyMatch(t -> t.kind() == Kind.STAGE_ENTERED
                && t.toNode().equals("app-active")));
        assertFalse(back.instance().status() == InstanceStatus.ABANDONED);
        assertEquals(1, back.instance().recoveryAttempts());
    }

    @Test
    void instancesStayOnTheVersionTheyEntered() {
        JourneyInstance waiting = entered(lowValue).instance();
        JourneyDefinition next = new JourneyDefinition("onboarding", 4, onboarding.entry(), false, "welcome",
                onboarding.nodes(), onboarding.goals(), onboarding.exits(), onboarding.reEntry());

        assertThrows(IllegalArgumentException.class, () -> new JourneyStateMachine(next, new ConditionCompiler())
                .onEvent(waiting, login("e-2", MONDAY_NOON_UTC, "ios"), lowValue));
    }

    private Step fireTimer(JourneyInstance instance, CustomerContext customer) {
        JourneyInstance.Timer timer = instance.pendingTimer();
        return machine.onTimer(instance, timer.timerId(), timer.fireAt(), customer);
    }
}
