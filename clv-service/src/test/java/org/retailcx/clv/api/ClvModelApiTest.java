package org.retailcx.clv.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.retailcx.clv.model.BgNbdModel;
import org.retailcx.clv.model.BgNbdParameters;
import org.retailcx.clv.model.ClvCalculator;
import org.retailcx.clv.model.ClvEstimate;
import org.retailcx.clv.model.ClvSettings;
import org.retailcx.clv.model.CustomerSummary;
import org.retailcx.clv.model.GammaGammaModel;
import org.retailcx.clv.model.GammaGammaParameters;
import org.retailcx.clv.model.Horizon;
import org.retailcx.clv.model.HorizonEstimate;
import org.retailcx.clv.pipeline.ClvRefitJob;
import org.retailcx.platform.jobs.SingleReplicaJobs;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The CLV issue's "done when", through the API against the real PostgreSQL and Kafka: CDNOW loaded through bulk
 * ingestion, a fit calibrated to 1997-09-30 returns the published parameters, predictions and deciles per customer
 * and per segment, the 39-week holdout accuracy, events on the broker, 422 without a model row, the refit job's
 * single-replica guard. The tests run in order and share the loaded data.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClvModelApiTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();
    private static final String PREFIX = "CD-";
    private static int cdnowVersion;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @Inject
    SingleReplicaJobs jobs;

    @Inject
    Pool pool;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    @Order(1)
    void cdnowLoadsThroughBulkIngestion() throws Exception {
        ArrayNode transactions = EventJson.mapper().createArrayNode();
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        Set<String> customers = new HashSet<>();
        int line = 0;
        for (String text : lines("cdnow/CDNOW_sample.txt")) {
            String[] f = text.trim().split("\\s+");
            if (f.length != 5) {
                continue;
            }
            String customer = PREFIX + Integer.parseInt(f[1]);
            customers.add(customer);
            ObjectNode t = transactions.addObject();
            t.put("transactionId", "CDNOW-" + (++line));
            t.put("customerId", customer);
            t.put("transactionDate", LocalDate.parse(f[2], day).toString());
            t.put("amount", new java.math.BigDecimal(f[4]));
            t.put("currency", "USD");
            t.put("product", "music");
        }
        // Segments: odd and even customer numbers, so that the per-segment APIs have two groups.
        ArrayNode segments = EventJson.mapper().createArrayNode();
        for (String c : customers) {
            ObjectNode s = segments.addObject();
            s.put("customerId", c);
            s.put("segment", Integer.parseInt(c.substring(PREFIX.length())) % 2 == 0 ? "cdnow-even" : "cdnow-odd");
            s.put("acquisitionChannel", "online");
        }
        given().header("Authorization", TestTokens.bearer("service")).contentType("application/json")
                .body(segments.toString()).when().post("/api/v1/clv/customers/batch")
                .then().statusCode(200).body("records", equalTo(2357));
        // CDNOW holds 8 orders worth $0.00 (each the only purchase of a one-time customer): purchases all the same
        // (BG/NBD counts purchases, not amounts), so every record is accepted and all 2,357 customers are known.
        given().header("Authorization", TestTokens.bearer("service")).contentType("application/json")
                .body(transactions.toString()).when().post("/api/v1/clv/transactions/batch")
                .then().statusCode(200).body("records", equalTo(6919)).body("accepted", equalTo(6919))
                .body("quarantined", equalTo(0));
        given().header("Authorization", TestTokens.bearer("marketing")).when()
                .get("/api/v1/clv/customers/CD-87/transactions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].amount", equalTo(0.0f));
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("customerId", "CD-87")
                .when().get("/api/v1/clv/quarantine").then().statusCode(200).body("items", hasSize(0));
        // CAC: an acquisition cost of 10 for every even customer (profitability cost breakdown)
        StringBuilder profitability = new StringBuilder();
        for (String c : customers) {
            if (Integer.parseInt(c.substring(PREFIX.length())) % 2 == 0) {
                profitability.append("""
                        {"customerId":"%s","asOfDate":"1997-03-31","revenueAmount":30,"costAmount":12,"profitAmount":18,
                         "costBreakdown":{"acquisition":10,"servicing":2}}
                        """.replace("\n", "").formatted(c)).append('\n');
            }
        }
        given().header("Authorization", TestTokens.bearer("service")).contentType("application/x-ndjson")
                .body(profitability.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/clv/profitability/batch")
                .then().statusCode(200).body("quarantined", equalTo(0));
    }

    @Test
    @Order(2)
    void aFitOnTooLittleDataIsRefusedWith422AndLeavesNoModel() {
        int before = models().size();
        given().header("Authorization", TestTokens.bearer("data-scientist")).contentType("application/json")
                .body("{\"calibrationEnd\":\"1997-01-05\",\"activate\":true}")
                .when().post("/api/v1/clv/models/fit")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:retailcx:problem:clv-insufficient-data"))
                .body("detail", org.hamcrest.Matchers.containsString("customers"));
        given().header("Authorization", TestTokens.bearer("data-scientist")).contentType("application/json")
                .body("{\"calibrationEnd\":\"1997-09-30\",\"segment\":\"no-such-segment\"}")
                .when().post("/api/v1/clv/models/fit").then().statusCode(422);
        assertEquals(before, models().size(), "no model version was written");
        given().header("Authorization", TestTokens.bearer("data-scientist")).contentType("application/json")
                .body("{\"segment\":\"x\",\"margin\":0}").when().post("/api/v1/clv/models/fit")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("calibrationEnd", "margin"));
        given().header("Authorization", TestTokens.bearer("marketing")).contentType("application/json")
                .body("{\"calibrationEnd\":\"1997-09-30\"}").when().post("/api/v1/clv/models/fit")
                .then().statusCode(403);
    }

    @Test
    @Order(3)
    void aFitOnCdnowReturnsThePublishedParametersAndScoresEveryCustomer() {
        JsonPath model = given().header("Authorization", TestTokens.bearer("data-scientist"))
                .contentType("application/json")
                .body("{\"calibrationEnd\":\"1997-09-30\",\"activate\":true,\"annualDiscountRate\":0.1,\"margin\":1}")
                .when().post("/api/v1/clv/models/fit")
                .then().statusCode(201).extract().jsonPath();
        cdnowVersion = model.getInt("version");
        System.out.printf("CDNOW through the API: %s%n", model.prettify());
        // Fader, Hardie & Lee (2005) / lifetimes: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4
        assertEquals(0.243, model.getDouble("parameters.bgNbd.r"), 0.0005);
        assertEquals(4.414, model.getDouble("parameters.bgNbd.alpha"), 0.0005);
        assertEquals(0.793, model.getDouble("parameters.bgNbd.a"), 0.0005);
        assertEquals(2.426, model.getDouble("parameters.bgNbd.b"), 0.0005);
        assertEquals(-9582.4, model.getDouble("fitStatistics.bgNbdLogLikelihood"), 0.05);
        // and the four decimals this service has always reported (lifetimes on the raw file: 0.2426, 4.4136, 0.7929,
        // 2.4259), with the $0 orders present
        assertEquals(0.2426, round4(model.getDouble("parameters.bgNbd.r")));
        assertEquals(4.4136, round4(model.getDouble("parameters.bgNbd.alpha")));
        assertEquals(0.7929, round4(model.getDouble("parameters.bgNbd.a")));
        assertEquals(2.4259, round4(model.getDouble("parameters.bgNbd.b")));
        assertEquals(6.2496, round4(model.getDouble("parameters.gammaGamma.p")));
        assertEquals(3.7442, round4(model.getDouble("parameters.gammaGamma.q")));
        assertEquals(15.4435, round4(model.getDouble("parameters.gammaGamma.gamma")));
        // Fader & Hardie (2013): p 6.25, q 3.74, gamma 15.44
        assertEquals(6.25, model.getDouble("parameters.gammaGamma.p"), 0.005);
        assertEquals(3.74, model.getDouble("parameters.gammaGamma.q"), 0.005);
        assertEquals(15.44, model.getDouble("parameters.gammaGamma.gamma"), 0.005);
        assertEquals(2357, model.getInt("fitStatistics.customers"));
        assertEquals(946, model.getInt("fitStatistics.repeatCustomers"));
        assertEquals(2357L, model.getLong("scoredCustomers"));
        assertTrue(model.getBoolean("active"));
        assertEquals("1997-01-01", model.getString("calibrationStart"));
        assertEquals("1997-09-30", model.getString("calibrationEnd"));

        // Customer 1 of CDNOW: x = 2, t_x = 30.43, T = 38.86; the set-based SQL scoring equals the pure model.
        JsonPath value = given().header("Authorization", TestTokens.bearer("sales-rep"))
                .when().get("/api/v1/clv/customers/CD-1/value").then().statusCode(200).extract().jsonPath();
        assertEquals(2, value.getInt("frequency"));
        assertEquals(30.43, value.getDouble("recencyWeeks"), 0.005);
        assertEquals(38.86, value.getDouble("ageWeeks"), 0.005);
        assertEquals(cdnowVersion, value.getInt("modelVersion"));
        assertEquals("1997-09-30", value.getString("predictionDate"));
        BgNbdModel purchases = new BgNbdModel(new BgNbdParameters(model.getDouble("parameters.bgNbd.r"),
                model.getDouble("parameters.bgNbd.alpha"), model.getDouble("parameters.bgNbd.a"),
                model.getDouble("parameters.bgNbd.b")));
        GammaGammaModel spend = new GammaGammaModel(new GammaGammaParameters(model.getDouble("parameters.gammaGamma.p"),
                model.getDouble("parameters.gammaGamma.q"), model.getDouble("parameters.gammaGamma.gamma")));
        CustomerSummary c1 = new CustomerSummary("CD-1", 2, value.getDouble("recencyWeeks"),
                value.getDouble("ageWeeks"), value.getDouble("expectedSpend") > 0 ? monetary(value) : 0);
        ClvEstimate expected = new ClvCalculator(purchases, spend, ClvSettings.weekly(0.1, 1)).estimate(c1);
        assertEquals(expected.probabilityAlive(), value.getDouble("probabilityAlive"), 1e-6); // JsonPath reads floats
        assertEquals(expected.expectedSpend(), value.getDouble("expectedSpend"), 1e-4);
        assertEquals(expected.value12Months(), value.getDouble("predictedClv12mo"), 0.006);
        assertEquals(expected.value36Months(), value.getDouble("predictedClv36mo"), 0.006);
        assertEquals(expected.lifetimeValue(), value.getDouble("predictedClvLifetime"), 0.006);
        assertFalse(value.prettify().contains("horizon"), "no horizon asked for: " + value.prettify());
        // lifetimes' conditional expectation for this customer over 39 weeks is 1.226; 12 months is a bit more
        assertTrue(value.getDouble("expectedPurchases12mo") > 1.226, value.prettify());

        // The lookup at a horizon: 39 weeks gives FHL's published 1.226 expected purchases for this customer
        JsonPath weeks = given().header("Authorization", TestTokens.bearer("sales-rep")).queryParam("horizon", 39)
                .queryParam("horizonUnit", "weeks").when().get("/api/v1/clv/customers/CD-1/value")
                .then().statusCode(200).extract().jsonPath();
        System.out.printf("CD-1 at 39 weeks: %s%n", weeks.getMap("horizon"));
        assertEquals(1.226, weeks.getDouble("horizon.expectedPurchases"), 0.0005);
        assertEquals(39, weeks.getInt("horizon.length"));
        assertEquals("weeks", weeks.getString("horizon.unit"));
        assertEquals(39.0, weeks.getDouble("horizon.weeks"), 1e-9);
        assertEquals(value.getDouble("probabilityAlive"), weeks.getDouble("horizon.probabilityAlive"), 1e-6);
        HorizonEstimate at39 = new ClvCalculator(purchases, spend, ClvSettings.weekly(0.1, 1))
                .atHorizon(c1, new Horizon(39, Horizon.Unit.WEEKS));
        assertEquals(at39.expectedPurchases(), weeks.getDouble("horizon.expectedPurchases"), 1e-6);
        assertEquals(at39.value(), weeks.getDouble("horizon.predictedClv"), 0.006);
        // 12 months is the stored 12-month figure
        JsonPath months = given().header("Authorization", TestTokens.bearer("marketing")).queryParam("horizon", 12)
                .queryParam("horizonUnit", "months").when().get("/api/v1/clv/customers/CD-1/value")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(value.getDouble("predictedClv12mo"), months.getDouble("horizon.predictedClv"), 0.006);
        assertEquals(value.getDouble("expectedPurchases12mo"), months.getDouble("horizon.expectedPurchases"), 1e-6);
        // bad horizons are 400 naming the parameter
        Map<String, String> bad = Map.of("horizon=0&horizonUnit=weeks", "horizon", "horizon=521&horizonUnit=weeks",
                "horizon", "horizon=121&horizonUnit=months", "horizon", "horizon=ten&horizonUnit=weeks", "horizon",
                "horizon=39&horizonUnit=days", "horizonUnit", "horizon=39", "horizonUnit", "horizonUnit=months",
                "horizon");
        bad.forEach((query, field) -> given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/customers/CD-1/value?" + query)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field)));

        // the one-time customers whose only order was $0 are scored like the others
        given().header("Authorization", TestTokens.bearer("marketing")).when().get("/api/v1/clv/customers/CD-87/value")
                .then().statusCode(200).body("frequency", equalTo(0)).body("probabilityAlive", equalTo(1.0f));
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static double monetary(JsonPath value) {
        // mean repeat spend of CDNOW customer 1: purchase days 1997-01-18 (29.73) and 1997-08-02 (14.96)
        return (29.73 + 14.96) / 2;
    }

    @Test
    @Order(4)
    void decilesSegmentsValuesAndProfitabilityAreReadable() {
        List<Map<String, Object>> deciles = given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/deciles").then().statusCode(200).body("$", hasSize(10))
                .extract().jsonPath().getList("$");
        long total = 0;
        double previousMean = -1;
        for (int d = 0; d < 10; d++) {
            assertEquals(d + 1, ((Number) deciles.get(d).get("decile")).intValue());
            total += ((Number) deciles.get(d).get("customers")).longValue();
            double mean = ((Number) deciles.get(d).get("meanClvLifetime")).doubleValue();
            assertTrue(mean >= previousMean, "deciles rise in value");
            previousMean = mean;
        }
        assertEquals(2357, total);

        JsonPath segments = given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/segments").then().statusCode(200).extract().jsonPath();
        assertEquals(2357, segments.getInt("overall.customers"));
        assertEquals(List.of("cdnow-even", "cdnow-odd"), segments.getList("segments.segment"));
        assertEquals(10.0, segments.getDouble("segments[0].cac"), 1e-9);
        assertEquals(segments.getDouble("segments[0].meanClvLifetime") / 10.0,
                segments.getDouble("segments[0].clvToCac"), 1e-3);
        assertNull(segments.get("segments[1].cac"), "odd customers have no acquisition cost");

        // values: highest first, cursor pagination covers a segment exactly once
        Set<String> seen = new HashSet<>();
        String cursor = null;
        double last = Double.MAX_VALUE;
        int pages = 0;
        do {
            var request = given().header("Authorization", TestTokens.bearer("marketing"))
                    .queryParam("segment", "cdnow-even").queryParam("limit", 400);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/clv/values").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                assertTrue(seen.add((String) item.get("customerId")));
                double v = ((Number) item.get("predictedClvLifetime")).doubleValue();
                assertTrue(v <= last);
                last = v;
                assertEquals("cdnow-even", item.get("segment"));
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(segments.getInt("segments[0].customers"), seen.size());
        assertEquals(3, pages);
        given().header("Authorization", TestTokens.bearer("marketing")).queryParam("decile", 10)
                .queryParam("limit", 5).when().get("/api/v1/clv/values")
                .then().statusCode(200).body("items", hasSize(5)).body("items.decile", org.hamcrest.Matchers.everyItem(equalTo(10)));
        given().header("Authorization", TestTokens.bearer("marketing")).queryParam("cursor", "%%%")
                .when().get("/api/v1/clv/values").then().statusCode(400).body("errors[0].field", equalTo("cursor"));

        given().header("Authorization", TestTokens.bearer("marketing")).queryParam("segment", "cdnow-even")
                .queryParam("limit", 3).when().get("/api/v1/clv/profitability/ranking")
                .then().statusCode(200).body("items", hasSize(3)).body("items[0].rank", equalTo(1))
                .body("items[0].profit", equalTo(18.0f)).body("items[0].acquisitionCost", equalTo(10.0f));

        JsonPath retention = given().header("Authorization", TestTokens.bearer("marketing"))
                .queryParam("until", "1998-06-30").when().get("/api/v1/clv/metrics/high-value-retention")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(236, retention.getInt("highValueCustomers"), 1);
        assertTrue(retention.getDouble("retentionRate") > 0.5, retention.prettify());
        System.out.printf("CDNOW high-value retention: %s%n", retention.prettify());

        given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/customers/NOBODY/value").then().statusCode(404);
    }

    @Test
    @Order(5)
    void theAccuracyCallReportsTheThirtyNineWeekHoldout() {
        JsonPath accuracy = given().header("Authorization", TestTokens.bearer("data-scientist"))
                .queryParam("holdoutEnd", "1998-06-30")
                .when().get("/api/v1/clv/models/" + cdnowVersion + "/accuracy")
                .then().statusCode(200).extract().jsonPath();
        System.out.printf("CDNOW holdout accuracy: %s%n", accuracy.prettify());
        assertEquals("1997-10-01", accuracy.getString("holdoutStart"));
        assertEquals(39.0, accuracy.getDouble("holdoutWeeks"), 1e-9);
        assertEquals(2357, accuracy.getInt("purchases.customers"));
        assertEquals(1882.0, accuracy.getDouble("purchases.totalActual"), 1e-9);
        assertEquals(1653.0, accuracy.getDouble("purchases.totalPredicted"), 1.0);
        assertEquals(0.63, accuracy.getDouble("purchases.pearson"), 0.01);
        assertEquals(10, accuracy.getList("purchases.calibration").size());
        assertTrue(accuracy.getDouble("spend.totalActual") > 0);
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("holdoutEnd", "1997-09-01")
                .when().get("/api/v1/clv/models/" + cdnowVersion + "/accuracy")
                .then().statusCode(400).body("errors[0].field", equalTo("holdoutEnd"));

        // per customer, in pages: every scored customer once, adding up to the totals
        Set<String> seen = new HashSet<>();
        double predicted = 0;
        long actual = 0;
        String cursor = null;
        do {
            var request = given().header("Authorization", TestTokens.bearer("marketing"))
                    .queryParam("holdoutEnd", "1998-06-30").queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/clv/models/" + cdnowVersion + "/accuracy/customers")
                    .then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                assertTrue(seen.add((String) item.get("customerId")));
                predicted += ((Number) item.get("predictedPurchases")).doubleValue();
                actual += ((Number) item.get("actualPurchases")).longValue();
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(2357, seen.size());
        assertEquals(1882, actual);
        assertEquals(accuracy.getDouble("purchases.totalPredicted"), predicted, 0.01);
        // customer 1 bought again on 1997-12-12: one repeat purchase day in the holdout
        JsonPath first = given().header("Authorization", TestTokens.bearer("data-scientist"))
                .queryParam("holdoutEnd", "1998-06-30").queryParam("limit", 1)
                .when().get("/api/v1/clv/models/" + cdnowVersion + "/accuracy/customers")
                .then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertEquals("CD-1", first.getString("items[0].customerId"));
        assertEquals(1, first.getInt("items[0].actualPurchases"));
        assertEquals(1.226, first.getDouble("items[0].predictedPurchases"), 0.0005);
        given().header("Authorization", TestTokens.bearer("data-scientist"))
                .when().get("/api/v1/clv/models/" + cdnowVersion + "/accuracy/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("holdoutEnd"));
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("holdoutEnd", "1998-06-30")
                .queryParam("limit", 0).when().get("/api/v1/clv/models/" + cdnowVersion + "/accuracy/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", TestTokens.bearer("sales-rep")).queryParam("holdoutEnd", "1998-06-30")
                .when().get("/api/v1/clv/models/" + cdnowVersion + "/accuracy/customers").then().statusCode(403);
    }

    @Test
    @Order(6)
    void activationPublishesPredictionsAndDecileChangesThatSatisfyTheirContracts() {
        String topic = topicPrefix + Topics.CLV_CUSTOMER_VALUE;
        List<ConsumerRecord<String, String>> predicted = KAFKA.awaitRecords(topic,
                r -> "retailcx.clv.customer-value.predicted.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && r.key().startsWith(PREFIX) && read(r.value()).get("modelVersion").asInt() == cdnowVersion,
                2357, Duration.ofSeconds(60));
        assertEquals(2357, predicted.stream().map(ConsumerRecord::key).distinct().count());
        for (var r : predicted) {
            JsonNode data = read(r.value());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED, data));
            assertEquals(r.key(), data.get("customerId").asText());
            assertEquals(r.key(), KafkaTestClient.header(r, "ce_subject"));
            assertEquals("clv-service", KafkaTestClient.header(r, "ce_source"));
        }

        // A second version calibrated later moves customers between deciles; activating it announces the moves.
        JsonPath second = given().header("Authorization", TestTokens.bearer("admin")).contentType("application/json")
                .body("{\"calibrationEnd\":\"1997-12-31\"}").when().post("/api/v1/clv/models/fit")
                .then().statusCode(201).body("active", equalTo(false)).extract().jsonPath();
        int version = second.getInt("version");
        Map<String, Integer> before = deciles(cdnowVersion);
        Map<String, Integer> after = deciles(version);
        Set<String> moved = new HashSet<>();
        after.forEach((customer, decile) -> {
            if (!decile.equals(before.get(customer))) {
                moved.add(customer);
            }
        });
        assertFalse(moved.isEmpty());
        given().header("Authorization", TestTokens.bearer("data-scientist"))
                .when().post("/api/v1/clv/models/" + version + "/activate")
                .then().statusCode(200).body("active", equalTo(true));
        given().header("Authorization", TestTokens.bearer("marketing")).when().get("/api/v1/clv/models/active")
                .then().statusCode(200).body("version", equalTo(version));
        List<ConsumerRecord<String, String>> changed = KAFKA.awaitRecords(topic,
                r -> "retailcx.clv.customer-value.decile-changed.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && read(r.value()).get("modelVersion").asInt() == version,
                moved.size(), Duration.ofSeconds(60));
        Map<String, JsonNode> byCustomer = new HashMap<>();
        for (var r : changed) {
            JsonNode data = read(r.value());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.CLV_CUSTOMER_VALUE_DECILE_CHANGED, data));
            byCustomer.put(r.key(), data);
        }
        assertEquals(moved, byCustomer.keySet());
        String someone = moved.iterator().next();
        assertEquals(before.get(someone).intValue(), byCustomer.get(someone).get("previousDecile").asInt());
        assertEquals(after.get(someone).intValue(), byCustomer.get(someone).get("decile").asInt());
        assertEquals(cdnowVersion, byCustomer.get(someone).get("previousModelVersion").asInt());

        // The model registry hears of both versions, through the outbox: fitted (active or not), activated, replaced
        List<ConsumerRecord<String, String>> trained = KAFKA.awaitRecords(topicPrefix + Topics.CLV_MODEL_VERSION,
                r -> "retailcx.clv.model-version.trained.v1".equals(KafkaTestClient.header(r, "ce_type"))
                        && Set.of(cdnowVersion, version).contains(read(r.value()).get("version").asInt()),
                4, Duration.ofSeconds(60));
        Map<Integer, List<JsonNode>> byVersion = new HashMap<>();
        for (var r : trained) {
            JsonNode data = read(r.value());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.CLV_MODEL_VERSION_TRAINED, data));
            assertEquals("clv.customer-lifetime-value", r.key());
            assertEquals("clv.customer-lifetime-value", KafkaTestClient.header(r, "ce_subject"));
            assertEquals("clv.customer-lifetime-value", data.get("modelId").asText());
            assertEquals("bg-nbd-gamma-gamma", data.get("modelType").asText());
            byVersion.computeIfAbsent(data.get("version").asInt(), v -> new ArrayList<>()).add(data);
        }
        // the fit that activated itself, then its replacement; the challenger fitted inactive, then activated
        assertEquals(List.of(true, false), byVersion.get(cdnowVersion).stream().map(d -> d.get("active").asBoolean())
                .toList());
        assertEquals(List.of(false, true), byVersion.get(version).stream().map(d -> d.get("active").asBoolean())
                .toList());
        JsonNode cdnowTrained = byVersion.get(cdnowVersion).get(0);
        assertEquals("clv silver.customer_transaction 1997-01-01..1997-09-30, all customers",
                cdnowTrained.get("trainingDatasetId").asText());
        assertEquals(0.2426, round4(cdnowTrained.get("metrics").get("bgNbdR").asDouble()));
        assertEquals(2357, cdnowTrained.get("metrics").get("customers").asInt());
        for (List<JsonNode> events : byVersion.values()) {
            // lineage never changes between a version's events (the registry quarantines a change)
            assertEquals(events.get(0).get("trainingDatasetId"), events.get(1).get("trainingDatasetId"));
            assertEquals(events.get(0).get("codeVersion"), events.get(1).get("codeVersion"));
            assertTrue(events.get(0).get("codeVersion").asText().startsWith("clv-service "));
        }

        // re-activating the active version announces nothing new
        given().header("Authorization", TestTokens.bearer("data-scientist"))
                .when().post("/api/v1/clv/models/" + version + "/activate").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("data-scientist"))
                .when().post("/api/v1/clv/models/9999/activate").then().statusCode(404);

        // who fitted and activated it is on record, and a refused activation records nothing
        assertEquals(List.of("test-user admin"), adminActions("clv.fit", version));
        assertEquals(List.of("test-user data-scientist", "test-user data-scientist"),
                adminActions("clv.activate", version));
        assertEquals(List.of(), adminActions("clv.activate", 9999));
    }

    /** "subject roles" of each recorded admin action on a target, oldest first. */
    private List<String> adminActions(String action, int version) {
        List<String> result = new ArrayList<>();
        pool.preparedQuery("select acted_by || ' ' || array_to_string(acted_roles, ',') from platform.admin_actions"
                + " where action = $1 and target = $2 order by action_id")
                .execute(Tuple.of(action, Integer.toString(version)))
                .await().atMost(Duration.ofSeconds(30)).forEach(r -> result.add(r.getString(0)));
        return result;
    }

    @Test
    @Order(7)
    void theRefitJobRunsOnOneReplicaAtATime() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CountDownLatch running = new CountDownLatch(1);
        // Another "replica" holds the refit job.
        CompletableFuture<Optional<String>> other = jobs.runExclusive(ClvRefitJob.JOB, tx -> {
            running.countDown();
            return Uni.createFrom().completionStage(release).replaceWith("other replica");
        }).subscribeAsCompletionStage();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        int before = models().size();
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("calibrationEnd", "1997-09-30")
                .when().post("/api/v1/clv/models/refit")
                .then().statusCode(409).body("type", equalTo("urn:retailcx:problem:clv-refit-running"));
        assertEquals(before, models().size());
        release.complete(null);
        assertEquals(Optional.of("other replica"), other.get(10, TimeUnit.SECONDS));

        JsonPath refit = given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("calibrationEnd", "1997-09-30").when().post("/api/v1/clv/models/refit")
                .then().statusCode(201).extract().jsonPath();
        assertTrue(refit.getBoolean("active"), "the refit activates its version (retailcx.clv.refit.activate)");
        assertEquals(0.243, refit.getDouble("parameters.bgNbd.r"), 0.0005);
        assertEquals(before + 1, models().size());
        given().header("Authorization", TestTokens.bearer("marketing")).when().post("/api/v1/clv/models/refit")
                .then().statusCode(403);
    }

    @Test
    @Order(8)
    void goldIsRebuiltFromSilverByOneIdempotentAdminCall() {
        JsonPath before = given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/customers/CD-1/value").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> decilesBefore = deciles(before.getInt("modelVersion"));
        int versions = models().size();
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/clv/admin/rebuild-gold")
                .then().statusCode(200).body("modelVersions", equalTo(versions));
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/clv/admin/rebuild-gold")
                .then().statusCode(200).body("modelVersions", equalTo(versions));
        JsonPath after = given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/customers/CD-1/value").then().statusCode(200).extract().jsonPath();
        assertEquals(before.getMap("$"), after.getMap("$"));
        assertEquals(decilesBefore, deciles(after.getInt("modelVersion")));
        given().header("Authorization", TestTokens.bearer("data-scientist")).when()
                .post("/api/v1/clv/admin/rebuild-gold").then().statusCode(403);
        assertEquals(2L, pool.query("select count(*) from platform.admin_actions where action = 'clv.rebuild-gold'"
                + " and acted_by = 'test-user' and acted_roles = '{admin}'").execute()
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0));
    }

    private Map<String, Integer> deciles(int version) {
        Map<String, Integer> result = new HashMap<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", TestTokens.bearer("marketing"))
                    .queryParam("modelVersion", version).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/clv/values").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                result.put((String) item.get("customerId"), ((Number) item.get("decile")).intValue());
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return result;
    }

    private static List<Object> models() {
        return given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("limit", 1000)
                .when().get("/api/v1/clv/models").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(String resource) throws Exception {
        try (InputStream in = ClvModelApiTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines().toList();
        }
    }
}
