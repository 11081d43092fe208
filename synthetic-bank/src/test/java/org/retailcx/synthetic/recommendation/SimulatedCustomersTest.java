package org.retailcx.synthetic.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SimulatedCustomersTest {

    private static final OffsetDateTime END = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void historiesLeanToThePlantedFamilyDeterministically() {
        SimulatedCustomers customers = new SimulatedCustomers(2000, 42);
        List<Map<String, Object>> history = customers.history(END);
        assertEquals(history, new SimulatedCustomers(2000, 42).history(END));
        long own = history.stream().filter(r -> {
            int c = Integer.parseInt(((String) r.get("customerId")).substring(4)) - 1;
            return SimulatedCustomers.familyOf((String) r.get("productId")) == customers.preferredFamily(c);
        }).count();
        double share = (double) own / history.size();
        // three in four drawn from the own family, plus a sixth of the rest by chance
        assertEquals(0.75 + 0.25 / 6, share, 0.02);
        assertTrue(history.size() >= 2000 * 4 && history.size() <= 2000 * 8);
        // every family is someone's preference
        int[] perFamily = new int[SimulatedCustomers.FAMILIES.size()];
        for (int c = 0; c < customers.size(); c++) {
            perFamily[customers.preferredFamily(c)]++;
        }
        for (int n : perFamily) {
            assertTrue(n > 250 && n < 420, java.util.Arrays.toString(perFamily));
        }
    }

    /** Click-through of showing each customer three products chosen by {@code pick}. */
    private static double ctr(SimulatedCustomers customers, java.util.function.IntBinaryOperator pick,
            boolean[] converted) {
        SplittableRandom random = new SplittableRandom(7);
        int shown = 0;
        int clicked = 0;
        int conversions = 0;
        for (int c = 0; c < customers.size(); c++) {
            for (int rank = 1; rank <= 3; rank++) {
                int family = pick.applyAsInt(c, rank);
                var r = customers.respond(c, SimulatedCustomers.productId(family, rank - 1), rank, random);
                shown++;
                clicked += r.clicked() ? 1 : 0;
                conversions += r.converted() ? 1 : 0;
                assertTrue(!r.converted() || r.clicked(), "a conversion follows a click");
                assertTrue(r.converted() == (r.amount() != null));
            }
        }
        converted[0] = conversions > 0;
        return (double) clicked / shown;
    }

    @Test
    void customersRespondToTheirPlantedPreference() {
        SimulatedCustomers customers = new SimulatedCustomers(3000, 11);
        boolean[] any = new boolean[1];
        double own = ctr(customers, (c, rank) -> customers.preferredFamily(c), any);
        assertTrue(any[0]);
        double other = ctr(customers, (c, rank) -> (customers.preferredFamily(c) + 1) % 6, any);
        double blind = ctr(customers, (c, rank) -> (c + rank) % 6, any);
        // attention over ranks 1..3 averages 0.822: 0.822 × 22 % in the family, 0.822 × 1.5 % outside
        assertEquals(0.822 * SimulatedCustomers.CLICK_OWN, own, 0.015);
        assertEquals(0.822 * SimulatedCustomers.CLICK_OTHER, other, 0.005);
        // what the demo's target separates: a recommender that finds the preference clears 5 %, a blind one does not
        assertTrue(own > RecommendationDemo.TARGET_CTR && blind < RecommendationDemo.TARGET_CTR,
                "own " + own + ", blind " + blind);
    }
}
