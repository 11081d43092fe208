package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.retailcx.recommendation.model.NextBestActionArbiter.Arbitration;
import org.retailcx.recommendation.model.NextBestActionArbiter.PastContact;
import org.retailcx.recommendation.model.NextBestActionArbiter.Rejection;

class NextBestActionArbiterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(7 * 86_400);

    private static ActionCandidate candidate(String action, String customer, String channel, double propensity,
            double value, double weight, int priority, Instant expiry) {
        return new ActionCandidate(action, customer, channel, propensity, value, weight, priority, expiry);
    }

    @Test
    void ranksByPriorityThenPropensityTimesValueTimesWeight() {
        List<ActionCandidate> candidates = List.of(
                candidate("card-upgrade", "c1", "email", 0.30, 200, 1.0, 2, LATER), // 60
                candidate("savings", "c1", "app", 0.10, 1000, 1.0, 2, LATER), // 100
                candidate("retention-call", "c1", "branch", 0.05, 100, 1.0, 1, LATER), // 5, but priority 1
                candidate("insurance", "c1", "app", 0.40, 100, 2.0, 2, LATER)); // 80
        Arbitration result = new NextBestActionArbiter(new ContactPolicy(10, 10, Map.of()))
                .arbitrate(candidates, List.of(), NOW);
        assertEquals(List.of("retention-call", "savings", "insurance", "card-upgrade"),
                result.issued().stream().map(a -> a.candidate().actionId()).toList());
        assertEquals(List.of(1, 2, 3, 4), result.issued().stream().map(NextBestActionArbiter.IssuedAction::rankForCustomer).toList());
        assertEquals(100, candidates.get(1).expectedValue(), 1e-12);
    }

    @Test
    void capsPerCustomerAndChannelCountContactsAlreadyMade() {
        List<ActionCandidate> candidates = List.of(
                candidate("a1", "c1", "email", 0.9, 100, 1, 1, LATER),
                candidate("a2", "c1", "email", 0.8, 100, 1, 1, LATER),
                candidate("a3", "c1", "app", 0.7, 100, 1, 1, LATER),
                candidate("a4", "c1", "app", 0.6, 100, 1, 1, LATER),
                candidate("b1", "c2", "email", 0.5, 100, 1, 1, LATER),
                candidate("b2", "c2", "sms", 0.4, 100, 1, 1, LATER));
        // At most 2 contacts per customer in the window, 1 per channel, sms never; c1 was emailed yesterday.
        ContactPolicy policy = new ContactPolicy(2, 1, Map.of("sms", 0));
        Arbitration result = new NextBestActionArbiter(policy)
                .arbitrate(candidates, List.of(new PastContact("c1", "email")), NOW);
        assertEquals(List.of("a3", "b1"), result.issued().stream().map(a -> a.candidate().actionId()).toList());
        assertEquals(Map.of("a1", Rejection.CHANNEL_CAP, "a2", Rejection.CHANNEL_CAP, "a4", Rejection.CUSTOMER_CAP,
                "b2", Rejection.CHANNEL_CAP), rejections(result));
    }

    @Test
    void dropsExpiredWorthlessAndDuplicateOffers() {
        List<ActionCandidate> candidates = List.of(
                candidate("loan", "c1", "app", 0.5, 100, 1, 1, NOW), // expires now: too late
                candidate("fee-waiver", "c1", "app", 0.5, 100, 0, 1, LATER), // business weight 0
                candidate("savings", "c1", "app", 0.5, 100, 1, 1, LATER),
                candidate("savings", "c1", "email", 0.6, 100, 1, 1, LATER));
        Arbitration result = new NextBestActionArbiter(new ContactPolicy(5, 5, Map.of()))
                .arbitrate(candidates, List.of(), NOW);
        assertEquals(1, result.issued().size());
        assertEquals("email", result.issued().get(0).candidate().channel(), "the better channel of the same action");
        assertEquals(Map.of("loan", Rejection.EXPIRED, "fee-waiver", Rejection.NO_EXPECTED_VALUE,
                "savings", Rejection.ALREADY_ISSUED), rejections(result));
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        List<ActionCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            candidates.add(candidate("a" + (i % 7), "c" + (i % 3), i % 2 == 0 ? "app" : "email", 0.05 * (i % 5 + 1),
                    100, 1, 1 + i % 2, LATER));
        }
        NextBestActionArbiter arbiter = new NextBestActionArbiter(new ContactPolicy(2, 1, Map.of()));
        Arbitration sorted = arbiter.arbitrate(candidates, List.of(), NOW);
        Collections.shuffle(candidates, new java.util.Random(5));
        assertEquals(sorted, arbiter.arbitrate(candidates, List.of(), NOW));
    }

    @Test
    void rejectsInvalidCandidatesAndPolicies() {
        assertThrows(IllegalArgumentException.class, () -> candidate("a", "c", "app", 1.5, 1, 1, 1, LATER));
        assertThrows(IllegalArgumentException.class, () -> candidate("a", "c", "app", 0.5, -1, 1, 1, LATER));
        assertThrows(IllegalArgumentException.class, () -> candidate("a", "c", "app", 0.5, 1, 1, 0, LATER));
        assertThrows(IllegalArgumentException.class, () -> new ContactPolicy(-1, 1, Map.of()));
    }

    private static Map<String, Rejection> rejections(Arbitration result) {
        Map<String, Rejection> byAction = new java.util.HashMap<>();
        result.rejected().forEach(r -> byAction.put(r.candidate().actionId(), r.reason()));
        return byAction;
    }
}
