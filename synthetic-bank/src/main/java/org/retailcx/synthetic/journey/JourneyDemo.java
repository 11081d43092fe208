package org.retailcx.synthetic.journey;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.DomainDemos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The journey part of the demo: the onboarding and loan-application journeys are published, the generated digital
 * steps and touchpoints go to journey-service in all-or-nothing batches, the timers abandon whoever stalled past a
 * stage's expected time, and then the instances, completions and abandonments per journey, and the loan conversions'
 * attribution per model, are read back next to what was planted.
 */
public final class JourneyDemo {

    static final int CUSTOMERS = 600;
    static final int APPLICANTS = 400;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private JourneyDemo() {
    }

    public static String load(DomainDemos.Context c) {
        ApiClient journey = c.client("journey");
        if (journey == null) {
            return "skipped: journey-service is not running";
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JourneyGenerator.Journeys planted = JourneyGenerator.generate(CUSTOMERS, APPLICANTS, c.dataset().seed(), now);
        for (Map.Entry<String, String> d : JourneyGenerator.definitions().entrySet()) {
            String at = "/api/v1/journey/definitions/" + d.getKey() + "/versions";
            JsonNode version = journey.postJson(at, tree(d.getValue()));
            journey.postJson(at + "/" + version.path("version").asInt() + "/publish", Map.of());
        }
        String run = "demo-" + c.dataset().seed() + "-" + now.toEpochSecond();
        journey.postNdjson("/api/v1/journey/touchpoints/batch", planted.touchpoints(), run + "-touchpoints");
        journey.postNdjson("/api/v1/journey/events/batch", planted.events(), run + "-events");

        // the timers tick every second: wait until every planted drop-off shows as an abandonment
        long expected = planted.neverFunded().size() + planted.neverUploaded().size();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<JsonNode> metrics;
        do {
            metrics = List.of(latest(journey, JourneyGenerator.ONBOARDING), latest(journey, JourneyGenerator.LOAN));
            if (metrics.get(0).path("abandoned").asLong() + metrics.get(1).path("abandoned").asLong() >= expected) {
                break;
            }
            pause();
        } while (System.nanoTime() < deadline);

        JsonNode attribution = journey.get("/api/v1/journey/attribution?from=" + now.minusDays(120) + "&to="
                + now.plusMinutes(1));
        List<String> models = new ArrayList<>();
        for (JsonNode m : attribution.path("models")) {
            JsonNode best = null;
            for (JsonNode ch : m.path("channels")) {
                best = best == null || ch.path("conversions").asDouble() > best.path("conversions").asDouble()
                        ? ch : best;
            }
            if (best != null) {
                models.add(String.format(Locale.ROOT, "%s %s %.1f", m.path("model").asText(),
                        best.path("channel").asText(), best.path("conversions").asDouble()));
            }
        }
        return String.format(Locale.ROOT, "onboarding: %s (planted %d of %d never fund); loan application: %s "
                + "(planted %d of %d never upload documents); %d touchpoints; attribution of %.0f conversions "
                + "(%.0f), top channel per model: %s",
                line(metrics.get(0)), planted.neverFunded().size(), planted.onboarded().size(), line(metrics.get(1)),
                planted.neverUploaded().size(), planted.applied().size(), planted.touchpoints().size(),
                attribution.path("conversions").asDouble(), attribution.path("conversionValue").asDouble(),
                String.join(", ", models));
    }

    private static String line(JsonNode m) {
        return String.format(Locale.ROOT, "%d instances, %d completed, %d abandoned (%s)", m.path("entered").asLong(),
                m.path("completed").asLong(), m.path("abandoned").asLong(), stages(m));
    }

    private static String stages(JsonNode m) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : m.path("stages")) {
            out.add(s.path("stage").asText() + " " + s.path("abandoned").asLong());
        }
        return "by stage: " + String.join(", ", out);
    }

    /** The metrics of the journey's newest version. */
    private static JsonNode latest(ApiClient journey, String key) {
        JsonNode versions = journey.get("/api/v1/journey/definitions/" + key + "/metrics");
        JsonNode newest = ApiClient.JSON.createObjectNode();
        for (JsonNode v : versions) {
            if (v.path("version").asInt() > newest.path("version").asInt()) {
                newest = v;
            }
        }
        return newest;
    }

    private static JsonNode tree(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo definition does not parse", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
