package org.retailcx.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.recommendation.api.EventFields.field;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The recommendation slices through HTTP on the real database and broker: interactions in bulk (400 naming the
 * field, all-or-nothing, quarantine with reasons), training versions (422 on too few, 400 on unknown algorithms and
 * parameters), activation and its event, serving with exclusions, cold start and the bronze log, offline evaluation.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RecommendationApiTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }


    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static String interaction(String id, String customer, String product, String rating, String value) {
        return """
                {"interactionId":"%s","customerId":"%s","productId":"%s","implicitRating":"%s",
                 "interactionTimestamp":"2026-10-01T09:00:00Z","interactionValue":%s}"""
                .formatted(id, customer, product, rating, value);
    }

    @Test
    void interactionsLandInSilverWithTheFunnelStepNormalisedAndBadRecordsAreQuarantined() {
        String customer = "CUST-" + UUID.randomUUID();
        as("service").contentType("application/json")
                .body("[" + interaction("I1-" + customer, customer, "savings", "Add to Cart", "null") + ","
                        + interaction("I2-" + customer, customer, "card", "purchase", "120.50") + ","
                        + interaction("I3-" + customer, customer, "loan", "like", "null") + ","
                        + interaction("I4-" + customer, customer, "card", "purchase", "-3") + "]")
                .when().post("/api/v1/recommendation/interactions/batch")
                .then().statusCode(200).body("records", equalTo(4)).body("accepted", equalTo(2))
                .body("quarantined", equalTo(2));
        as("cx-analyst").when().get("/api/v1/recommendation/customers/" + customer + "/interactions")
                .then().statusCode(200).body("$", hasSize(2))
                .body("implicitRating", containsInAnyOrder("add to cart", "purchase"))
                .body("sourceSystem", everyItem(equalTo("digital-channels")));
        as("data-scientist").queryParam("customerId", customer).when().get("/api/v1/recommendation/quarantine")
                .then().statusCode(200).body("items", hasSize(2))
                .body("items.rule", containsInAnyOrder("implicit-rating-known", "value-non-negative"))
                .body("items.field", containsInAnyOrder("implicitRating", "interactionValue"));
        // a corrected version resolves the quarantine and reaches silver
        as("service").contentType("application/json").body(interaction("I3-" + customer, customer, "loan", "click",
                "null")).when().put("/api/v1/recommendation/interactions/I3-" + customer).then().statusCode(200);
        as("cx-analyst").when().get("/api/v1/recommendation/customers/" + customer + "/interactions")
                .then().statusCode(200).body("$", hasSize(3)).body("implicitRating", hasItem("click"));
    }

    @Test
    void aBadRecordRejectsTheWholeBatchNamingTheFieldAndWritesNeedTheServiceRole() {
        String customer = "CUST-" + UUID.randomUUID();
        as("service").contentType("application/json")
                .body("[" + interaction("OK-" + customer, customer, "card", "view", "null") + ","
                        + "{\"interactionId\":\"BAD1\",\"customerId\":\"" + customer + "\",\"implicitRating\":\"view\","
                        + "\"interactionTimestamp\":\"2026-10-01T09:00:00Z\"},"
                        + interaction("BAD2", customer, "card", "view", "null").replace("2026-10-01T09:00:00Z", "yesterday")
                        + "]")
                .when().post("/api/v1/recommendation/interactions/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("[1].productId", "[2].interactionTimestamp"));
        as("cx-analyst").when().get("/api/v1/recommendation/customers/" + customer + "/interactions")
                .then().statusCode(200).body("$", hasSize(0));
        as("marketing").contentType("application/json")
                .body("[" + interaction("OK-" + customer, customer, "card", "view", "null") + "]")
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(403);
        given().contentType("application/json").body("[]")
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(401);
    }

    @Test
    void aTrainedAndActivatedVersionServesEachCustomerTheirOwnFamilyWithReasonsAndLogsIt() throws Exception {
        String run = "R" + UUID.randomUUID().toString().substring(0, 8);
        var events = PlantedFamilies.generate(run, 3, 6, 20, 4, 7);
        as("service").contentType("application/json").body(PlantedFamilies.jsonArray(events))
                .when().post("/api/v1/recommendation/interactions/batch")
                .then().statusCode(200).body("accepted", equalTo(events.size())).body("quarantined", equalTo(0));

        // refusals: role, algorithm, parameter, window, too few interactions (nothing stored)
        int versionsBefore = as("data-scientist").when().get("/api/v1/recommendation/models?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
        as("marketing").contentType("application/json").body("{\"algorithm\":\"sar\"}")
                .when().post("/api/v1/recommendation/models/train").then().statusCode(403);
        as("data-scientist").contentType("application/json").body("{\"algorithm\":\"deep-magic\"}")
                .when().post("/api/v1/recommendation/models/train")
                .then().statusCode(400).body("errors[0].field", equalTo("algorithm"));
        as("data-scientist").contentType("application/json")
                .body("{\"algorithm\":\"als\",\"parameters\":{\"factors\":8,\"learnignRate\":0.1}}")
                .when().post("/api/v1/recommendation/models/train")
                .then().statusCode(400).body("errors[0].field", equalTo("parameters.learnignRate"));
        as("data-scientist").contentType("application/json")
                .body("{\"algorithm\":\"als\",\"parameters\":{\"factors\":0}}")
                .when().post("/api/v1/recommendation/models/train")
                .then().statusCode(400).body("errors[0].field", equalTo("parameters.factors"));
        as("data-scientist").contentType("application/json")
                .body("{\"algorithm\":\"sar\",\"windowFrom\":\"2026-10-02T00:00:00Z\",\"windowTo\":\"2026-10-01T00:00:00Z\"}")
                .when().post("/api/v1/recommendation/models/train")
                .then().statusCode(400).body("errors[0].field", equalTo("windowTo"));
        as("data-scientist").contentType("application/json")
                .body("{\"algorithm\":\"sar\",\"windowFrom\":\"1999-01-01T00:00:00Z\",\"windowTo\":\"2000-01-01T00:00:00Z\"}")
                .when().post("/api/v1/recommendation/models/train")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:retailcx:problem:recommendation-insufficient-data"));
        assertEquals(versionsBefore, as("data-scientist").when().get("/api/v1/recommendation/models?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("items").size(), "a refused training stores nothing");

        JsonPath sar = as("data-scientist").contentType("application/json")
                .body("{\"algorithm\":\"sar\",\"parameters\":{\"timeDecay\":false},\"activate\":true}")
                .when().post("/api/v1/recommendation/models/train")
                .then().statusCode(201).body("algorithm", equalTo("sar")).body("family", equalTo("Collaborative"))
                .body("active", equalTo(true)).body("parameters.similarity", equalTo("jaccard"))
                .body("parameters.timeDecay", equalTo(false)).body("trainedBy", equalTo("test-user"))
                .body("interactions", greaterThan(events.size() - 1))
                .extract().jsonPath();
        int version = sar.getInt("version");

        String customer = PlantedFamilies.customer(run, 1, 0);
        List<String> held = events.stream().filter(e -> e.customerId().equals(customer) && e.rating().equals("purchase"))
                .map(PlantedFamilies.Event::productId).toList();
        JsonPath served = as("service").queryParam("k", 2).queryParam("context", "mobile-app")
                .queryParam("sessionId", "S-1")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(200).body("modelVersion", equalTo(version)).body("context", equalTo("Mobile App"))
                .body("items", hasSize(2)).body("items.algorithm", everyItem(equalTo("sar")))
                .body("items.reason", everyItem(startsWith("because you ")))
                .body("items.recommendationId", everyItem(notNullValue()))
                .extract().jsonPath();
        for (String product : served.getList("items.productId", String.class)) {
            assertTrue(product.startsWith(run + "-F1-"), "own family first: " + served.prettify());
            assertTrue(!held.contains(product), "never a product held: " + product);
        }
        String first = served.getString("items[0].productId");
        as("sales-rep").queryParam("k", 5).queryParam("context", "Branch").queryParam("exclude", first)
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(200).body("items.productId", not(hasItem(first)));

        // the active version's similarity matrix: a product's nearest products are of its family, explained
        String anchor = PlantedFamilies.product(run, 2, 0);
        JsonPath similar = as("sales-rep").queryParam("k", 3)
                .when().get("/api/v1/recommendation/products/" + anchor + "/similar")
                .then().statusCode(200).body("modelVersion", equalTo(version)).body("algorithm", equalTo("sar"))
                .body("items", hasSize(3)).body("items.reason", everyItem(org.hamcrest.Matchers.containsString(
                        "with " + anchor + " also")))
                .extract().jsonPath();
        for (String product : similar.getList("items.productId", String.class)) {
            assertTrue(product.startsWith(run + "-F2-"), "similar within the family: " + similar.prettify());
        }
        as("sales-rep").when().get("/api/v1/recommendation/products/no-such-product/similar").then().statusCode(404);
        as("sales-rep").queryParam("k", 21).when().get("/api/v1/recommendation/products/" + anchor + "/similar")
                .then().statusCode(400).body("errors[0].field", equalTo("k"));
        as("cx-analyst").when().get("/api/v1/recommendation/products/" + anchor + "/similar").then().statusCode(403);

        // cold start: a customer the model never saw gets popular products, said so
        as("service").queryParam("k", 3).queryParam("context", "Homepage")
                .when().get("/api/v1/recommendation/customers/NEW-" + UUID.randomUUID() + "/recommendations")
                .then().statusCode(200).body("items", hasSize(3)).body("items.algorithm", everyItem(equalTo("popularity")))
                .body("items.reason", everyItem(startsWith("popular: chosen by")));

        // bad serving parameters and roles
        as("service").queryParam("k", 0).queryParam("context", "Homepage")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(400).body("errors[0].field", equalTo("k"));
        as("service").queryParam("k", 101).queryParam("context", "Homepage")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(400).body("errors[0].field", equalTo("k"));
        as("service").queryParam("context", "Billboard")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(400).body("errors[0].field", equalTo("context"));
        as("cx-analyst").queryParam("context", "Homepage")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations").then().statusCode(403);

        // every served product is in bronze, under its recommendation id
        as("admin").when().get("/api/v1/platform/tables").then().statusCode(200)
                .body("bronze.find { it.table == 'retail_product_recommendations' }.rows", greaterThan(6));

        // the registry hears of the version, trained and then active (the relay publishes the outbox)
        List<ConsumerRecord<String, String>> announced = KAFKA.awaitRecords(
                topicPrefix + EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED.topic(),
                r -> field(r, "version").equals(String.valueOf(version)), 2, Duration.ofSeconds(60));
        assertEquals(List.of("false", "true"), announced.stream().map(r -> field(r, "active")).toList(),
                "announced when trained, then when activated");
        ConsumerRecord<String, String> event = announced.get(0);
        assertEquals("recommendation.product-recommender", event.key());
        assertEquals(EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED.type(), KafkaTestClient.header(event, "ce_type"));
        var data = EventJson.mapper().readTree(event.value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED, data));
        assertEquals("sar", data.get("modelType").asText());

        // a second version is stored inactive; activating it switches serving over
        int als = as("data-scientist").contentType("application/json")
                .body("{\"algorithm\":\"als\",\"parameters\":{\"factors\":6,\"iterations\":8}}")
                .when().post("/api/v1/recommendation/models/train")
                .then().statusCode(201).body("active", equalTo(false)).body("parameters.solver",
                        equalTo("conjugate-gradient")).extract().jsonPath().getInt("version");
        as("marketing").when().get("/api/v1/recommendation/models/active").then().statusCode(200)
                .body("version", equalTo(version));
        as("marketing").when().post("/api/v1/recommendation/models/" + als + "/activate").then().statusCode(403);
        as("data-scientist").when().post("/api/v1/recommendation/models/" + als + "/activate").then().statusCode(200)
                .body("active", equalTo(true)).body("activatedBy", equalTo("test-user"));
        as("data-scientist").when().get("/api/v1/recommendation/models/" + version).then().statusCode(200)
                .body("active", equalTo(false));
        as("service").queryParam("k", 2).queryParam("context", "Email")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(200).body("modelVersion", equalTo(als)).body("items.algorithm", everyItem(equalTo("als")));
        as("data-scientist").when().get("/api/v1/recommendation/models/99999").then().statusCode(404);
    }

    static String feedback(String id, String recommendation, String customer, boolean clicked,
            boolean dismissed, boolean converted, String amount, int dwell) {
        return """
                {"feedbackId":"%s","recommendationId":"%s","customerId":"%s","displayed":true,"clicked":%s,
                 "dismissed":%s,"converted":%s,"conversionAmount":%s,"dwellTimeSeconds":%d,
                 "feedbackTimestamp":"%s"}""".formatted(id, recommendation, customer, clicked, dismissed, converted,
                amount, dwell, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(5));
    }

    private static JsonPath onlineTotals(String algorithm) {
        return as("marketing").when().get("/api/v1/recommendation/metrics/online").then().statusCode(200)
                .extract().jsonPath().setRootPath("find { it.algorithm == '" + algorithm + "' && it.context == null }");
    }

    private static long count(JsonPath totals, String field) {
        Object value = totals.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Test
    void feedbackIsQuarantinedForUnknownRecommendationsCountsInTheOnlineMetricsAndAnnouncesEachConversionOnce()
            throws Exception {
        String run = "FB" + UUID.randomUUID().toString().substring(0, 8);
        String customer = run + "-C";
        JsonPath served = PlantedFamilies.loadAndServeTwo(run, "Email");
        String first = served.getString("items[0].recommendationId");
        String second = served.getString("items[1].recommendationId");
        String algorithm = served.getString("items[0].algorithm");
        JsonPath before = onlineTotals(algorithm);

        as("service").contentType("application/json").body("[" + String.join(",",
                feedback(run + "-F1", first, customer, true, false, false, "null", 12),
                feedback(run + "-F2", first, customer, true, false, true, "250.00", 30),
                feedback(run + "-F3", second, customer, false, true, false, "null", 2),
                feedback(run + "-F4", "never-served-" + run, customer, true, false, false, "null", 1),
                feedback(run + "-F5", second, "someone-else", true, false, true, "10", 1)) + "]")
                .when().post("/api/v1/recommendation/feedback/batch")
                .then().statusCode(200).body("records", equalTo(5)).body("quarantined", equalTo(2));
        as("cx-analyst").queryParam("source", "feedback").queryParam("recordId", run + "-F4")
                .when().get("/api/v1/recommendation/quarantine").then().statusCode(200)
                .body("items[0].rule", equalTo("recommendation-known")).body("items[0].field", equalTo("recommendationId"));
        as("cx-analyst").queryParam("source", "feedback").queryParam("recordId", run + "-F5")
                .when().get("/api/v1/recommendation/quarantine").then().statusCode(200)
                .body("items[0].rule", equalTo("customer-matches-recommendation"));

        // the online figures moved by exactly this feedback: 2 displayed, 1 click, 1 conversion of 250
        JsonPath after = onlineTotals(algorithm);
        assertEquals(count(before, "served"), count(after, "served"));
        assertEquals(count(before, "displayed") + 2, count(after, "displayed"));
        assertEquals(count(before, "clicked") + 1, count(after, "clicked"));
        assertEquals(count(before, "dismissed") + 1, count(after, "dismissed"));
        assertEquals(count(before, "converted") + 1, count(after, "converted"));
        assertEquals(((Number) (before.get("revenue") == null ? 0 : before.get("revenue"))).doubleValue() + 250,
                ((Number) after.get("revenue")).doubleValue(), 1e-9);

        // feedback flows back as interactions: a click and a purchase of the recommended product, which is now held
        String product = served.getString("items[0].productId");
        as("data-scientist").when().get("/api/v1/recommendation/customers/" + customer + "/interactions")
                .then().statusCode(200)
                .body("findAll { it.sourceSystem == 'recommendation-feedback' }.implicitRating",
                        containsInAnyOrder("click", "click", "purchase"))
                .body("findAll { it.sourceSystem == 'recommendation-feedback' }.productId", hasItem(product));
        as("service").queryParam("k", 100).queryParam("context", "Email")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(200).body("items.productId", not(hasItem(product)));

        // a repeated conversion of the first recommendation is not announced again; the second one's is
        as("service").contentType("application/json")
                .body("[" + feedback(run + "-F6", first, customer, true, false, true, "999.00", 3) + ","
                        + feedback(run + "-F7", second, customer, true, false, true, "99.90", 3) + "]")
                .when().post("/api/v1/recommendation/feedback/batch").then().statusCode(200)
                .body("quarantined", equalTo(0));
        String topic = topicPrefix + EventCatalog.RECOMMENDATION_CONVERTED.topic();
        KAFKA.awaitRecords(topic, r -> field(r, "recommendationId").equals(second), 1, Duration.ofSeconds(60));
        // one key, one partition, published in order: the first recommendation's events are all in by now
        List<ConsumerRecord<String, String>> conversions = KAFKA.awaitRecords(topic,
                r -> customer.equals(r.key()), 2, Duration.ofSeconds(60));
        assertEquals(2, conversions.size(), conversions::toString);
        var data = EventJson.mapper().readTree(conversions.stream().filter(r -> field(r, "recommendationId").equals(first))
                .findFirst().orElseThrow().value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.RECOMMENDATION_CONVERTED, data));
        assertEquals(250.0, data.get("amount").asDouble(), 1e-9, "the first conversion's amount, not the repeat's");
        assertEquals(product, data.get("productId").asText());
        assertEquals("Email", data.get("context").asText());
    }

    @Test
    void offlineEvaluationComparesAlgorithmsOnAnUploadedSetWithoutStoringIt() {
        String run = "U" + UUID.randomUUID().toString().substring(0, 8);
        var events = PlantedFamilies.generate(run, 6, 8, 50, 5, 11);
        String uploaded = "[" + String.join(",", events.stream().map(e -> """
                {"customerId":"%s","productId":"%s","timestamp":"%s"}""".formatted(e.customerId(), e.productId(),
                e.timestamp())).toList()) + "]";
        JsonPath result = as("data-scientist").contentType("application/json")
                .body("{\"algorithms\":[{\"algorithm\":\"popularity\"},{\"algorithm\":\"sar\"},"
                        + "{\"algorithm\":\"item-knn\"},{\"algorithm\":\"bpr\",\"parameters\":{\"epochs\":30}}],"
                        + "\"k\":5,\"interactions\":" + uploaded + "}")
                .when().post("/api/v1/recommendation/evaluations")
                .then().statusCode(200).body("data", equalTo("uploaded")).body("k", equalTo(5))
                .body("split.method", equalTo("stratified")).body("split.seed", equalTo(42))
                .body("customers", equalTo(300)).body("results", hasSize(4))
                .body("results.algorithm", containsInAnyOrder("popularity", "sar", "item-knn", "bpr"))
                .extract().jsonPath();
        // 6 pairs per customer at 0.75: round(4.5) = 4 in training (half to even), 2 in test
        assertEquals(600, result.getInt("testPairs"));
        double popularity = result.getDouble("results.find { it.algorithm == 'popularity' }.ndcgAtK");
        for (String algorithm : List.of("sar", "item-knn")) {
            double ndcg = result.getDouble("results.find { it.algorithm == '" + algorithm + "' }.ndcgAtK");
            assertTrue(ndcg > 2 * popularity, algorithm + " finds the planted families: " + ndcg + " vs " + popularity);
        }
        // nothing of the upload was stored
        as("cx-analyst").when().get("/api/v1/recommendation/customers/" + PlantedFamilies.customer(run, 0, 0)
                + "/interactions").then().statusCode(200).body("$", hasSize(0));

        as("data-scientist").contentType("application/json").body("{\"algorithms\":[],\"k\":5}")
                .when().post("/api/v1/recommendation/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("algorithms"));
        as("data-scientist").contentType("application/json")
                .body("{\"algorithms\":[{\"algorithm\":\"sar\"},{\"algorithm\":\"nope\"}]}")
                .when().post("/api/v1/recommendation/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("algorithms[1].algorithm"));
        as("data-scientist").contentType("application/json")
                .body("{\"algorithms\":[{\"algorithm\":\"sar\"}],\"split\":{\"method\":\"random\"}}")
                .when().post("/api/v1/recommendation/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("split.method"));
        as("data-scientist").contentType("application/json")
                .body("{\"algorithms\":[{\"algorithm\":\"sar\"}],\"k\":0}")
                .when().post("/api/v1/recommendation/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("k"));
        as("data-scientist").contentType("application/json")
                .body("{\"algorithms\":[{\"algorithm\":\"sar\"}],\"interactions\":[{\"customerId\":\"A\",\"productId\":\"X\"},"
                        + "{\"customerId\":\"A\",\"productId\":\"Y\"}]}")
                .when().post("/api/v1/recommendation/evaluations")
                .then().statusCode(422).body("type", equalTo("urn:retailcx:problem:recommendation-insufficient-data"));
        as("marketing").contentType("application/json").body("{\"algorithms\":[{\"algorithm\":\"sar\"}]}")
                .when().post("/api/v1/recommendation/evaluations").then().statusCode(403);
        // the stored interactions, chronologically (the oldest of each customer's products train, the newest test)
        var stored = PlantedFamilies.generate(run + "S", 3, 6, 20, 4, 13);
        as("service").contentType("application/json").body(PlantedFamilies.jsonArray(stored))
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(200);
        as("data-scientist").contentType("application/json")
                .body("{\"algorithms\":[{\"algorithm\":\"popularity\"},{\"algorithm\":\"sar\"}],"
                        + "\"split\":{\"method\":\"chronological\"}}")
                .when().post("/api/v1/recommendation/evaluations")
                .then().statusCode(200).body("data", equalTo("stored")).body("split.method", equalTo("chronological"))
                .body("customers", greaterThan(59)).body("results", hasSize(2));
    }
}
