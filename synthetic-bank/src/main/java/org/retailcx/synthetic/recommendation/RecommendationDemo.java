package org.retailcx.synthetic.recommendation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.DomainDemos;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The recommendation part of the demo, through recommendation-service's public API: the simulated customers'
 * histories as interactions; each algorithm trained and activated in turn, served to a sample of customers, who
 * respond as their latent preference makes them (feedback posted back); then each algorithm's online CTR and
 * conversion rate next to the popularity baseline and the roadmap's target (CTR above 5 %), and the offline
 * comparison on the stored interactions.
 */
public final class RecommendationDemo {

    static final int CUSTOMERS = 2000;
    static final int SERVED_PER_ALGORITHM = 300;
    static final int K = 3;
    static final double TARGET_CTR = 0.05;
    static final List<String> ALGORITHMS = List.of("popularity", "sar", "item-knn", "als", "bpr");
    private static final List<String> CONTEXTS = List.of("Homepage", "Account Dashboard", "Mobile App", "Email",
            "Branch");

    private RecommendationDemo() {
    }

    public static String load(DomainDemos.Context c) {
        ApiClient reco = c.client("recommendation");
        if (reco == null) {
            return "skipped: recommendation-service is not running";
        }
        return run(reco, c.dataset().seed());
    }

    /** The demo against one recommendation-service, seeded; the summary line. */
    public static String run(ApiClient reco, long seed) {
        SimulatedCustomers customers = new SimulatedCustomers(CUSTOMERS, seed);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);
        List<Map<String, Object>> history = customers.history(start);
        reco.postNdjson("/api/v1/recommendation/interactions/batch", history, "demo-interactions-" + seed);

        SplittableRandom random = new SplittableRandom(seed);
        Map<String, OffsetDateTime[]> windows = new LinkedHashMap<>();
        for (String algorithm : ALGORITHMS) {
            reco.postJson("/api/v1/recommendation/models/train", Map.of("algorithm", algorithm, "activate", true));
            OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC);
            List<Map<String, Object>> feedback = new ArrayList<>();
            for (int i = 0; i < SERVED_PER_ALGORITHM; i++) {
                int customer = random.nextInt(customers.size());
                String id = SimulatedCustomers.customerId(customer);
                JsonNode served = reco.get("/api/v1/recommendation/customers/" + id + "/recommendations?k=" + K
                        + "&context=" + CONTEXTS.get(i % CONTEXTS.size()).replace(" ", "%20"));
                for (JsonNode item : served.path("items")) {
                    var response = customers.respond(customer, item.path("productId").asText(),
                            item.path("rank").asInt(), random);
                    feedback.add(SimulatedCustomers.feedback(item.path("recommendationId").asText(), id, response));
                }
            }
            reco.postNdjson("/api/v1/recommendation/feedback/batch", feedback, null);
            windows.put(algorithm, new OffsetDateTime[] { from, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1) });
        }

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%,d interactions of %,d simulated customers; online (k=%d, %d lists each, target CTR > %.0f %%):",
                history.size(), CUSTOMERS, K, SERVED_PER_ALGORITHM, TARGET_CTR * 100));
        for (var w : windows.entrySet()) {
            JsonNode rows = reco.get("/api/v1/recommendation/metrics/online?from=" + enc(w.getValue()[0]) + "&to="
                    + enc(w.getValue()[1]));
            for (JsonNode r : rows) {
                if (r.path("algorithm").asText().equals(w.getKey()) && r.path("context").isNull()) {
                    double ctr = r.path("ctr").asDouble();
                    out.append(String.format(Locale.ROOT, " %s CTR %.1f %% conv %.2f %%%s;", w.getKey(), 100 * ctr,
                            100 * r.path("conversionRate").asDouble(), ctr > TARGET_CTR ? " (above target)" : ""));
                }
            }
        }
        JsonNode offline = reco.postJson("/api/v1/recommendation/evaluations",
                Map.of("algorithms", ALGORITHMS.stream().map(a -> Map.of("algorithm", a)).toList(), "k", 10));
        out.append(" offline nDCG@10:");
        for (JsonNode r : offline.path("results")) {
            out.append(String.format(Locale.ROOT, " %s %.3f", r.path("algorithm").asText(),
                    r.path("ndcgAtK").asDouble()));
        }
        return out.toString();
    }

    private static String enc(OffsetDateTime t) {
        return java.net.URLEncoder.encode(t.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
