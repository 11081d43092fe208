package org.retailcx.journey.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.journey.api.JourneyRuntimeTest.WAIT;
import static org.retailcx.journey.api.JourneyRuntimeTest.as;
import static org.retailcx.journey.api.JourneyRuntimeTest.createAndPublish;
import static org.retailcx.journey.api.JourneyRuntimeTest.ingest;
import static org.retailcx.journey.api.JourneyRuntimeTest.knownCustomer;
import static org.retailcx.journey.api.JourneyRuntimeTest.onboarding;
import static org.retailcx.journey.api.JourneyRuntimeTest.suffix;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The gold star on the real database: kept current as batches and timer ticks move customers (transitions,
 * completions, abandonments, per-conversion attribution credit, channel cost per day), read back as channel ROI per
 * model, and the same after the admin rebuild. Dates lie in March 2025, which no other test touches.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class JourneyStarTest {

    private static final double EXACT = 1e-9;
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2025-03-10T09:00:00Z");

    @Inject
    Pool pool;

    @Test
    void theStarFollowsEventsTimersAndTouchpointsAndRebuildsTheSame() {
        String prefix = "g" + suffix();
        String key = "onboarding-" + prefix;
        String completes = "CUST-" + suffix();
        String stalls = "CUST-" + suffix();
        String email = "email-" + prefix;
        String sms = "sms-" + prefix;
        knownCustomer(completes, "{\"customerId\": \"" + completes + "\", \"timeZone\": \"UTC\"}");
        knownCustomer(stalls, "{\"customerId\": \"" + stalls + "\", \"timeZone\": \"UTC\"}");
        createAndPublish(key, onboarding(prefix, false, "PT1M"));

        as("service").contentType("application/x-ndjson").body((String.join("\n",
                touch("T1-" + completes, completes, email, "\"spring\"", T0.minusDays(3), "2.00"),
                touch("T2-" + completes, completes, sms, "null", T0.minusDays(1), "1.00"),
                touch("T3-" + stalls, stalls, email, "\"spring\"", T0.minusDays(3).plusHours(1), "2.50")) + "\n")
                .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/journey/touchpoints/batch").then().statusCode(200);
        // journeys now (a wait's three-day timeout must not fall due); the conversion in March 2025
        OffsetDateTime entered = OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(10);
        ingest(event("S-" + completes, prefix + ".signup", completes, entered, "{\"product\": \"current-account\"}",
                null),
                event("S-" + stalls, prefix + ".signup", stalls, entered, "{\"product\": \"current-account\"}", null),
                event("F-" + completes, prefix + ".funded", completes, entered.plusSeconds(30), "{\"amount\": 100}",
                        null));
        ingest(event("P-" + completes, prefix + ".purchase", completes, T0, "{}", "100"));

        // the stalled customer is abandoned by a timer tick, which brings the star along
        Awaitility.await().atMost(WAIT).until(() -> count("""
                select count(*) from gold.fact_journey_outcome where customer_id = $1 and outcome = 'abandoned'""",
                stalls) == 1);
        Map<String, Object> before = snapshot(completes, stalls);
        assertEquals(silverTransitions(completes, stalls), before.get("transitions"));
        assertEquals(List.of("completed@welcome after 30.0 s"), outcomes(completes));
        assertEquals(List.of("abandoned@welcome"), outcomes(stalls).stream().map(o -> o.split(" ")[0]).toList());
        assertEquals(1, count("select count(*) from gold.dim_journey where journey_key = $1 and status = 'published'",
                key));

        // credit of the one conversion (100 on 2025-03-10): e-mail/spring 3 days before, SMS 1 day before
        double older = Math.pow(2, -3 / 7.0);
        double newer = Math.pow(2, -1 / 7.0);
        Map<String, Double> expected = Map.of("first-touch", 1.0, "last-touch", 0.0, "linear", 0.5,
                "position-based", 0.5, "shapley", 0.5, "time-decay", older / (older + newer));
        JsonPath roi = as("marketing").queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                .when().get("/api/v1/journey/attribution/channels").then().statusCode(200).extract().jsonPath();
        for (var model : expected.entrySet()) {
            Map<String, Object> row = roi.getMap("find { it.model == '" + model.getKey() + "' && it.channel == '"
                    + email + "' }");
            assertEquals(model.getValue(), ((Number) row.get("conversions")).doubleValue(), 1e-6, model.getKey());
            assertEquals(100 * model.getValue(), ((Number) row.get("value")).doubleValue(), 1e-4, model.getKey());
            assertEquals("spring", row.get("campaign"));
            assertEquals(4.5, ((Number) row.get("cost")).doubleValue(), EXACT, "two e-mail touches on 7 March");
            assertEquals((100 * model.getValue() - 4.5) / 4.5, ((Number) row.get("roi")).doubleValue(), 1e-4);
        }
        Map<String, Object> smsFirst = roi.getMap("find { it.model == 'first-touch' && it.channel == '" + sms + "' }");
        assertEquals("(none)", smsFirst.get("campaign"));
        assertEquals(0.0, ((Number) smsFirst.get("conversions")).doubleValue(), EXACT);
        assertEquals(-1.0, ((Number) smsFirst.get("roi")).doubleValue(), EXACT);
        as("marketing").queryParam("from", "2025-03-31").queryParam("to", "2025-03-01")
                .when().get("/api/v1/journey/attribution/channels").then().statusCode(400);
        as("sales-rep").queryParam("from", "2025-03-01").queryParam("to", "2025-03-31")
                .when().get("/api/v1/journey/attribution/channels").then().statusCode(403);

        as("admin").when().post("/api/v1/journey/admin/rebuild").then().statusCode(200);
        assertEquals(before, snapshot(completes, stalls), "the rebuild derives the same star");
    }

    private Map<String, Object> snapshot(String... customers) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transitions", count("select count(*) from gold.fact_journey_transition where customer_id = any($1)",
                customers));
        out.put("outcomes", rows("""
                select f.instance_id || ' ' || f.outcome || ' ' || f.date_key || ' ' || s.stage || ' '
                    || f.seconds_from_entry
                from gold.fact_journey_outcome f join gold.dim_stage s using (stage_sk)
                where f.customer_id = any($1) order by 1""", customers));
        out.put("credit", rows("""
                select f.model || ' ' || c.channel || ' ' || m.campaign_id || ' ' || f.date_key || ' '
                    || round(f.credit::numeric, 9) || ' ' || round(f.credited_value::numeric, 6)
                from gold.fact_attribution_credit f join gold.dim_channel c using (channel_sk)
                join gold.dim_campaign m using (campaign_sk)
                where f.customer_id = any($1) order by 1""", customers));
        out.put("cost", rows("""
                select c.channel || ' ' || f.date_key || ' ' || f.touches || ' ' || f.cost
                from gold.fact_channel_cost f join gold.dim_channel c using (channel_sk)
                where c.channel in (select channel from silver.marketing_touchpoint where customer_id = any($1))
                order by 1""", customers));
        return out;
    }

    private List<String> outcomes(String customer) {
        return rows("""
                select f.outcome || '@' || s.stage || ' after ' || f.seconds_from_entry::numeric(10, 1) || ' s'
                from gold.fact_journey_outcome f join gold.dim_stage s using (stage_sk)
                where f.customer_id = any($1)""", customer);
    }

    private long silverTransitions(String... customers) {
        return count("""
                select count(*) from silver.journey_transition t
                join silver.retail_journey_state_real_time s using (instance_id) where s.customer_id = any($1)""",
                customers);
    }

    private long count(String sql, String... customers) {
        Object arg = sql.contains("any($1)") ? customers : customers[0];
        return pool.preparedQuery(sql).execute(Tuple.of(arg)).await().indefinitely().iterator().next().getLong(0);
    }

    private List<String> rows(String sql, String... customers) {
        return pool.preparedQuery(sql).execute(Tuple.of((Object) customers)).await().indefinitely().stream()
                .map((Row r) -> r.getString(0)).toList();
    }

    private static String event(String id, String type, String customer, OffsetDateTime at, String data,
            String conversionValue) {
        return """
                {"eventId": "%s", "eventType": "%s", "customerId": "%s", "occurredAt": "%s", "data": %s,
                 "conversionValue": %s}""".formatted(id, type, customer, at, data, conversionValue)
                .replace("\n", "");
    }

    private static String touch(String id, String customer, String channel, String campaign, OffsetDateTime at,
            String cost) {
        return """
                {"touchpointId": "%s", "customerId": "%s", "channel": "%s", "campaignId": %s, "touchedAt": "%s",
                 "cost": %s}""".formatted(id, customer, channel, campaign, at, cost).replace("\n", "");
    }
}
