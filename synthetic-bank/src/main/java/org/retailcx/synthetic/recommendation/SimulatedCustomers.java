package org.retailcx.synthetic.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bank's customers (ACC-0000001...) with a latent product preference who respond to what they are shown: each
 * customer leans to one product family (savings, cards, loans, mortgages, investments, insurance); their history
 * (views, clicks, purchases) is mostly in that family, and a recommendation shown to them is displayed, clicked with
 * a probability that is high in their family and low elsewhere, converted with a probability that is again much
 * higher in their family, with dwell times to match. Deterministic for a seed, so that the demo's figures repeat.
 */
public final class SimulatedCustomers {

    public static final List<String> FAMILIES = List.of("SAVINGS", "CARDS", "LOANS", "MORTGAGES", "INVESTMENTS",
            "INSURANCE");
    public static final int PRODUCTS_PER_FAMILY = 8;
    /** Share of a customer's history in their own family. */
    static final double OWN_FAMILY_HISTORY = 0.75;
    /** Click probability of a displayed product in / outside the customer's family. */
    static final double CLICK_OWN = 0.22;
    static final double CLICK_OTHER = 0.015;
    /** Conversion probability of a clicked product in / outside the customer's family. */
    static final double CONVERT_OWN = 0.35;
    static final double CONVERT_OTHER = 0.05;

    /** What a customer did with one shown product. */
    public record Response(boolean clicked, boolean dismissed, boolean converted, BigDecimal amount, int dwellSeconds) {
    }

    private final int customers;
    private final long seed;
    private final int[] family;

    public SimulatedCustomers(int customers, long seed) {
        this.customers = customers;
        this.seed = seed;
        this.family = new int[customers];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < customers; c++) {
            family[c] = random.nextInt(FAMILIES.size());
        }
    }

    public int size() {
        return customers;
    }

    public static String customerId(int index) {
        return String.format("ACC-%07d", index + 1);
    }

    public static String productId(int family, int index) {
        return "PRD-" + FAMILIES.get(family) + "-" + (index + 1);
    }

    /** The family of a product id, or -1. */
    public static int familyOf(String productId) {
        for (int f = 0; f < FAMILIES.size(); f++) {
            if (productId.startsWith("PRD-" + FAMILIES.get(f) + "-")) {
                return f;
            }
        }
        return -1;
    }

    /** The planted preference of customer {@code index} (0-based). */
    public int preferredFamily(int index) {
        return family[index];
    }

    /**
     * The customers' histories as recommendation-service interaction records: 4–8 distinct products each, three in
     * four drawn from the own family, the funnel step drawn (view 50 %, click 25 %, add to cart 10 %, purchase 15 %), in the
     * 90 days before {@code end}.
     */
    public List<Map<String, Object>> history(OffsetDateTime end) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int n = 4 + random.nextInt(5);
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (seen.size() < n) {
                int f = random.nextDouble() < OWN_FAMILY_HISTORY ? family[c] : random.nextInt(FAMILIES.size());
                // a product of that family not yet in the history (so that repeats do not tilt the family shares)
                List<String> unseen = new ArrayList<>();
                for (int i = 0; i < PRODUCTS_PER_FAMILY; i++) {
                    if (!seen.contains(productId(f, i))) {
                        unseen.add(productId(f, i));
                    }
                }
                if (unseen.isEmpty()) {
                    continue;
                }
                String product = unseen.get(random.nextInt(unseen.size()));
                seen.add(product);
                double step = random.nextDouble();
                String rating = step < 0.5 ? "view" : step < 0.75 ? "click" : step < 0.85 ? "add to cart" : "purchase";
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("interactionId", "SIM-" + customerId(c) + "-" + seen.size());
                r.put("customerId", customerId(c));
                r.put("productId", product);
                r.put("implicitRating", rating);
                r.put("interactionType", "digital-banking");
                r.put("interactionTimestamp", end.minusMinutes(1 + random.nextInt(90 * 24 * 60)).toString());
                out.add(r);
            }
        }
        return out;
    }

    /** How customer {@code index} responds to {@code productId} shown at {@code rank} (1 = first); seeded per call. */
    public Response respond(int index, String productId, int rank, SplittableRandom random) {
        boolean own = familyOf(productId) == family[index];
        // attention falls with the rank: the first slot is looked at fully, the fifth half as often
        double attention = 1.0 / (1 + 0.25 * (rank - 1));
        boolean clicked = random.nextDouble() < attention * (own ? CLICK_OWN : CLICK_OTHER);
        boolean converted = clicked && random.nextDouble() < (own ? CONVERT_OWN : CONVERT_OTHER);
        boolean dismissed = !clicked && random.nextDouble() < (own ? 0.05 : 0.3);
        int dwell = clicked ? 20 + random.nextInt(70) : 1 + random.nextInt(6);
        BigDecimal amount = converted ? BigDecimal.valueOf(200 + random.nextInt(4800)).setScale(2, RoundingMode.HALF_UP)
                : null;
        return new Response(clicked, dismissed, converted, amount, dwell);
    }

    /** The feedback record recommendation-service takes for one response. */
    public static Map<String, Object> feedback(String recommendationId, String customerId, Response r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("feedbackId", "FB-" + recommendationId);
        f.put("recommendationId", recommendationId);
        f.put("customerId", customerId);
        f.put("displayed", true);
        f.put("clicked", r.clicked());
        f.put("dismissed", r.dismissed());
        f.put("converted", r.converted());
        f.put("conversionAmount", r.amount());
        f.put("dwellTimeSeconds", r.dwellSeconds());
        f.put("feedbackTimestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return f;
    }
}
