package org.retailcx.personalization.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.EventType;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The model registry and the prediction store through HTTP and the real broker: versions with lineage, aliases,
 * the events they publish, predictions in bulk and from sales and clv events, quarantine of predictions by
 * unregistered versions, roles and bad input.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ModelRegistryAndPredictionsTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();
    private static final String API = "/api/v1/personalization";

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static String modelId() {
        return "test.m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String version(String modelId, int version, String dataset) {
        return """
                {"modelId":"%s","name":"Churn GBM","modelType":"gradient-boosting","version":%d,
                 "deploymentDate":"2026-11-01T08:00:00Z","trainingDatasetId":"%s","codeVersion":"git:abc123",
                 "modelMetrics":{"auc":0.81,"logLoss":0.39},"activeFlag":true}""".formatted(modelId, version, dataset);
    }

    private static ValidatableResponse register(String modelId, int version, String body) {
        return as("data-scientist").contentType("application/json").body(body)
                .when().put(API + "/model-versions/" + modelId + "@" + version).then();
    }

    @Test
    void aRegisteredVersionKeepsItsLineageAndIsAnnouncedOnce() {
        String model = modelId();
        register(model, 1, version(model, 1, "customers-2026-10")).statusCode(200)
                .body("accepted", equalTo(1)).body("eventsQueued", equalTo(1));
        // a later record of the same version may change metrics and deprecation, not lineage
        register(model, 1, version(model, 1, "customers-2026-10").replace("0.81", "0.83")).statusCode(200)
                .body("accepted", equalTo(1)).body("eventsQueued", equalTo(0));
        register(model, 1, version(model, 1, "customers-2026-11")).statusCode(200)
                .body("quarantined", equalTo(1));

        as("marketing").when().get(API + "/models/" + model + "/versions/1").then().statusCode(200)
                .body("trainingDatasetId", equalTo("customers-2026-10")).body("codeVersion", equalTo("git:abc123"))
                .body("metrics.auc", equalTo(0.83f)).body("active", equalTo(true))
                .body("deprecated", equalTo(false)).body("sourceSystem", equalTo("api"));
        as("data-scientist").queryParam("source", "model-versions").queryParam("recordId", model + "@1")
                .when().get(API + "/quarantine").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].rule", equalTo("lineage-immutable"))
                .body("items[0].field", equalTo("trainingDatasetId"))
                .body("items[0].reason", containsString("customers-2026-10"));

        List<ConsumerRecord<String, String>> registered = events(Topics.PERSONALIZATION_MODEL_VERSION, model,
                EventCatalog.PERSONALIZATION_MODEL_VERSION_REGISTERED, 1);
        assertEquals(model + "@1", KafkaTestClient.header(registered.get(0), "ce_subject"));
        assertEquals("customers-2026-10", read(registered.get(0)).get("trainingDatasetId"));
    }

    @Test
    void aliasesPointAtVersionsAndEveryMoveIsPublished() {
        String model = modelId();
        register(model, 1, version(model, 1, "d1")).statusCode(200);
        register(model, 2, version(model, 2, "d2")).statusCode(200);
        register(model, 3, version(model, 3, "d3").replace("\"activeFlag\":true",
                "\"activeFlag\":false,\"deprecationDate\":\"2026-11-02T00:00:00Z\"")).statusCode(200);

        moveAlias("data-scientist", model, "champion", "{\"version\":1}").statusCode(200)
                .body("version", equalTo(1)).body("previousVersion", nullValue()).body("movedBy", equalTo("test-user"));
        moveAlias("data-scientist", model, "champion", "{\"version\":2}").statusCode(200)
                .body("version", equalTo(2)).body("previousVersion", equalTo(1));
        moveAlias("data-scientist", model, "champion", "{\"version\":2}").statusCode(200)
                .body("version", equalTo(2)).body("previousVersion", nullValue());
        moveAlias("admin", model, "challenger", "{\"version\":1}").statusCode(200);

        as("service").when().get(API + "/models/" + model + "/aliases/champion").then().statusCode(200)
                .body("version", equalTo(2)).body("aliases", contains("champion"));
        as("marketing").when().get(API + "/models/" + model).then().statusCode(200)
                .body("latestVersion", equalTo(3)).body("versions.version", contains(3, 2, 1))
                .body("versions[0].deprecated", equalTo(true))
                .body("aliases.alias", contains("challenger", "champion"));

        // bad input, unknown names, a deprecated version, the wrong role
        moveAlias("data-scientist", model, "champion", "{\"version\":0}").statusCode(400)
                .body("errors[0].field", equalTo("version"));
        moveAlias("data-scientist", model, "Champion!", "{\"version\":1}").statusCode(400)
                .body("errors[0].field", equalTo("alias"));
        moveAlias("data-scientist", model, "champion", "{\"version\":9}").statusCode(404)
                .body("detail", containsString("no version 9"));
        moveAlias("data-scientist", "test.unknown", "champion", "{\"version\":1}").statusCode(404)
                .body("detail", containsString("test.unknown"));
        moveAlias("data-scientist", model, "champion", "{\"version\":3}").statusCode(409);
        moveAlias("marketing", model, "champion", "{\"version\":1}").statusCode(403);
        given().contentType("application/json").body("{\"version\":1}")
                .when().put(API + "/models/" + model + "/aliases/champion").then().statusCode(401);
        as("marketing").when().get(API + "/models/" + model + "/aliases/canary").then().statusCode(404)
                .body("detail", containsString("canary"));
        as("marketing").when().get(API + "/models/test.unknown").then().statusCode(404);

        List<ConsumerRecord<String, String>> moves = events(Topics.PERSONALIZATION_MODEL_VERSION, model,
                EventCatalog.PERSONALIZATION_MODEL_ALIAS_MOVED, 3);
        assertEquals(List.of("champion:1:null", "champion:2:1", "challenger:1:null"), moves.stream()
                .map(r -> read(r)).map(d -> d.get("alias") + ":" + d.get("version") + ":" + d.get("previousVersion"))
                .toList());
    }

    @Test
    void aModelVersionThatBreaksTheShapeIsRefusedNamingTheField() {
        String model = modelId();
        register(model, 1, version(model, 1, "d").replace("\"version\":1", "\"version\":0")).statusCode(400);
        register(model, 1, version(model, 1, "d").replace("0.81", "\"high\"")).statusCode(400)
                .body("errors[0].field", containsString("modelMetrics"));
        register(model, 1, version(model, 1, "d").replace("gradient-boosting", "")).statusCode(400)
                .body("errors[0].field", equalTo("modelType"));
        register("Bad Id", 1, version("Bad Id", 1, "d")).statusCode(400).body("errors[0].field", equalTo("modelId"));
        as("marketing").contentType("application/json").body(version(model, 1, "d"))
                .when().put(API + "/model-versions/" + model + "@1").then().statusCode(403);
        as("marketing").when().get(API + "/models/" + model).then().statusCode(404)
                .body("detail", containsString(model));
    }

    @Test
    void predictionsServeTheLatestPerTypeKeepHistoryAndQuarantineUnregisteredVersions() {
        String model = modelId();
        String customer = "CUST-" + UUID.randomUUID();
        register(model, 1, version(model, 1, "d1")).statusCode(200);
        as("service").contentType("application/x-ndjson")
                .body(ndjson(prediction("P1-" + customer, customer, model, 1, "Churn", 0.20, "2026-11-01T10:00:00Z"),
                        prediction("P2-" + customer, customer, model, 1, "Churn", 0.35, "2026-11-03T10:00:00Z"),
                        prediction("P3-" + customer, customer, model, 1, "Cross-Sell", 0.60, "2026-11-02T10:00:00Z"),
                        prediction("P4-" + customer, customer, model, 7, "Churn", 0.90, "2026-11-04T10:00:00Z")))
                .when().post(API + "/predictions/batch").then().statusCode(200)
                .body("accepted", equalTo(3)).body("quarantined", equalTo(1));

        as("service").when().get(API + "/customers/" + customer + "/predictions").then().statusCode(200)
                .body("predictionType", contains("Churn", "Cross-Sell"))
                .body("[0].predictionId", equalTo("P2-" + customer)).body("[0].predictedValue", equalTo(0.35f))
                .body("[0].modelVersion", equalTo(1)).body("[1].predictedValue", equalTo(0.6f));
        String cursor = as("marketing").queryParam("limit", 2)
                .when().get(API + "/customers/" + customer + "/predictions/history").then().statusCode(200)
                .body("items.predictionId", contains("P2-" + customer, "P3-" + customer))
                .body("items[0].featureValues.tenureMonths", equalTo(14))
                .body("items[0].modelRuntimeMs", equalTo(3.5f))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as("marketing").queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get(API + "/customers/" + customer + "/predictions/history").then().statusCode(200)
                .body("items.predictionId", contains("P1-" + customer)).body("nextCursor", nullValue());
        as("data-scientist").queryParam("customerId", customer).when().get(API + "/quarantine").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].rule", equalTo("model-version-registered"))
                .body("items[0].field", equalTo("modelVersion"))
                .body("items[0].reason", equalTo("model " + model + " version 7 is not registered"));

        // all-or-nothing: one bad record refuses the batch, naming it
        as("service").contentType("application/x-ndjson")
                .body(ndjson(prediction("P5-" + customer, customer, model, 1, "Churn", 0.1, "2026-11-05T10:00:00Z"),
                        prediction("P6-" + customer, customer, model, 1, "Upsell", 0.1, "2026-11-05T10:00:00Z")
                                .replace("\"confidenceScore\":0.7", "\"confidenceScore\":1.7")))
                .when().post(API + "/predictions/batch").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("[1].predictionType",
                        "[1].confidenceScore"));
        as("service").when().get(API + "/customers/" + customer + "/predictions").then()
                .body("[0].predictionId", equalTo("P2-" + customer));
        as("sales-rep").when().get(API + "/customers/" + customer + "/predictions").then().statusCode(403);
    }

    @Test
    void theSuitesModelsRegisterThemselvesAndTheirScoresBecomePredictions() {
        String lead = UUID.randomUUID().toString();
        String customer = "CUST-" + UUID.randomUUID();
        int version = 1000 + (int) (Math.random() * 100_000);
        // a lead score by a version nobody registered yet is quarantined, not lost
        publish(Topics.SALES_LEAD, lead, UUID.randomUUID().toString(), EventCatalog.SALES_LEAD_SCORED,
                "{\"goldenLeadId\":\"" + lead + "-early\",\"probability\":0.5,\"grade\":\"B\",\"modelVersion\":"
                        + (version + 1) + "}");
        String trained = UUID.randomUUID().toString();
        String trainedEvent = """
                {"modelId":"sales.lead-scoring","name":"Lead scoring","modelType":"logistic-regression",
                 "version":%d,"trainedAt":"2026-11-23T02:30:00Z","trainingDatasetId":"golden-leads-2026-11-22",
                 "codeVersion":"sales-service 0.1.0","metrics":{"auc":0.79},"active":true}""".formatted(version);
        publish(Topics.SALES_MODEL_VERSION, "sales.lead-scoring", trained, EventCatalog.SALES_MODEL_VERSION_TRAINED,
                trainedEvent);
        publish(Topics.SALES_MODEL_VERSION, "sales.lead-scoring", trained, EventCatalog.SALES_MODEL_VERSION_TRAINED,
                trainedEvent); // a redelivery
        publish(Topics.CLV_MODEL_VERSION, "clv.customer-lifetime-value", UUID.randomUUID().toString(),
                EventCatalog.CLV_MODEL_VERSION_TRAINED, """
                        {"modelId":"clv.customer-lifetime-value","name":"CLV","modelType":"bg-nbd-gamma-gamma",
                         "version":%d,"trainedAt":"2026-11-23T02:30:00Z"}""".formatted(version));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                as("data-scientist").get(API + "/models/clv.customer-lifetime-value/versions/" + version)
                        .statusCode() == 200
                        && as("data-scientist").get(API + "/models/sales.lead-scoring/versions/" + version)
                                .statusCode() == 200);
        as("data-scientist").when().get(API + "/models/sales.lead-scoring/versions/" + version).then()
                .body("sourceSystem", equalTo("sales-service"))
                .body("trainingDatasetId", equalTo("golden-leads-2026-11-22")).body("metrics.auc", equalTo(0.79f));
        as("data-scientist").when().get(API + "/model-versions/sales.lead-scoring@" + version + "/history").then()
                .statusCode(200).body("$", hasSize(1));

        publish(Topics.SALES_LEAD, lead, UUID.randomUUID().toString(), EventCatalog.SALES_LEAD_SCORED,
                "{\"goldenLeadId\":\"" + lead + "\",\"probability\":0.8125,\"grade\":\"A\",\"modelVersion\":"
                        + version + "}");
        publish(Topics.CLV_CUSTOMER_VALUE, customer, UUID.randomUUID().toString(),
                EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED, """
                        {"customerId":"%s","modelVersion":%d,"predictionDate":"2026-11-23","predictedClv12mo":412.37,
                         "predictedClv36mo":1003.81,"predictedClvLifetime":2210.05,"decile":9,"probabilityAlive":0.91,
                         "expectedPurchases12mo":4.2,"segment":"mass-affluent"}""".formatted(customer, version));
        awaitLatest("lead:" + lead).body("[0].predictionType", equalTo("Lead Conversion"))
                .body("[0].predictedValue", equalTo(0.8125f)).body("[0].modelId", equalTo("sales.lead-scoring"));
        awaitLatest(customer).body("[0].predictionType", equalTo("CLV"))
                .body("[0].predictedValue", equalTo(2210.05f))
                .body("[0].predictionTimestamp", equalTo("2026-11-23T00:00:00Z"));
        as("marketing").when().get(API + "/customers/" + customer + "/predictions/history").then()
                .body("items[0].featureValues.decile", equalTo(9));
        // and as features, in the online store
        as("service").queryParam("names", "clv_decile,clv_probability_alive,clv_predicted_lifetime_value")
                .when().get(API + "/customers/" + customer + "/features").then().statusCode(200)
                .body("features.clv_decile", equalTo(9)).body("features.clv_probability_alive", equalTo(0.91f))
                .body("features.clv_predicted_lifetime_value", equalTo(2210.05f))
                .body("eventTimes.clv_decile", equalTo("2026-11-23T00:00:00Z"));
        as("service").queryParam("names", "lead_score").when().get(API + "/customers/lead:" + lead + "/features")
                .then().statusCode(200).body("features.lead_score", equalTo(0.8125f));
        as("data-scientist").queryParam("customerId", "lead:" + lead + "-early").when().get(API + "/quarantine")
                .then().body("items", hasSize(1)).body("items[0].rule", equalTo("model-version-registered"))
                .body("items[0].sourceSystem", equalTo("sales-service"));

        ConsumerRecord<String, String> registered = events(Topics.PERSONALIZATION_MODEL_VERSION, "sales.lead-scoring",
                EventCatalog.PERSONALIZATION_MODEL_VERSION_REGISTERED, r -> read(r).get("version").equals(version), 1)
                .get(0);
        assertEquals("sales-service", read(registered).get("sourceSystem"));
        assertEquals("golden-leads-2026-11-22", read(registered).get("trainingDatasetId"));
    }

    @Test
    void recommendationsModelVersionsReachTheRegistryTrainedThenActivated() {
        String model = "recommendation.product-recommender";
        int version = 1000 + (int) (Math.random() * 100_000);
        // recommendation-service announces a version when it trains it and again, active, when it activates it
        String announced = """
                {"modelId":"%s","name":"Product recommender (item-cf)","modelType":"item-cf","version":%d,
                 "trainedAt":"2026-11-30T04:00:00Z","trainingDatasetId":"interactions-2026-11-29",
                 "codeVersion":"recommendation-service 0.1.0","metrics":{"interactions":52000.0,"pairs":9100.0,
                 "customers":2000.0,"products":40.0,"fitMillis":812.0},"active":%s}""";
        publish(Topics.RECOMMENDATION_MODEL_VERSION, model, UUID.randomUUID().toString(),
                EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED, announced.formatted(model, version, false));
        publish(Topics.RECOMMENDATION_MODEL_VERSION, model, UUID.randomUUID().toString(),
                EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED, announced.formatted(model, version, true));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = as("data-scientist").get(API + "/models/" + model + "/versions/" + version);
            return response.statusCode() == 200 && response.jsonPath().getBoolean("active");
        });
        as("data-scientist").when().get(API + "/models/" + model + "/versions/" + version).then()
                .body("sourceSystem", equalTo("recommendation-service"))
                .body("trainingDatasetId", equalTo("interactions-2026-11-29"))
                .body("codeVersion", equalTo("recommendation-service 0.1.0"))
                .body("metrics.pairs", equalTo(9100.0f));
        as("data-scientist").when().get(API + "/model-versions/" + model + "@" + version + "/history").then()
                .statusCode(200).body("$", hasSize(2));
        // registered once, though announced twice
        events(Topics.PERSONALIZATION_MODEL_VERSION, model, EventCatalog.PERSONALIZATION_MODEL_VERSION_REGISTERED,
                r -> read(r).get("version").equals(version), 1);
    }

    private ValidatableResponse awaitLatest(String customer) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                as("service").get(API + "/customers/" + customer + "/predictions").jsonPath().getList("$").size() > 0);
        return as("service").when().get(API + "/customers/" + customer + "/predictions").then().statusCode(200);
    }

    private static ValidatableResponse moveAlias(String role, String model, String alias, String body) {
        return as(role).contentType("application/json").body(body)
                .when().put(API + "/models/" + model + "/aliases/" + alias).then();
    }

    private static String prediction(String id, String customer, String model, int version, String type,
            double value, String at) {
        return """
                {"predictionId":"%s","customerId":"%s","modelId":"%s","modelVersion":%d,"predictionType":"%s",
                 "predictedValue":%s,"confidenceScore":0.7,"featureValues":{"tenureMonths":14,"segment":"mass"},
                 "predictionTimestamp":"%s","modelRuntimeMs":3.5}""".replace("\n", "")
                .formatted(id, customer, model, version, type, value, at);
    }

    private static byte[] ndjson(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void publish(String topic, String key, String eventId, EventType<?> type, String data) {
        KAFKA.send(topicPrefix + topic, key, data, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", "test", "ce_type", type.type(), "ce_subject", key,
                "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json"));
    }

    /** The first {@code count} events of a type published for a key, each checked against its JSON Schema. */
    private List<ConsumerRecord<String, String>> events(String topic, String key, EventType<?> type, int count) {
        return events(topic, key, type, r -> true, count);
    }

    private List<ConsumerRecord<String, String>> events(String topic, String key, EventType<?> type,
            Predicate<ConsumerRecord<String, String>> match, int count) {
        List<ConsumerRecord<String, String>> records = KAFKA.awaitRecords(topicPrefix + topic,
                r -> key.equals(r.key()) && type.type().equals(KafkaTestClient.header(r, "ce_type")) && match.test(r),
                count, Duration.ofSeconds(60));
        records.forEach(r -> {
            try {
                assertEquals(List.of(), EventSchemas.violations(type, EventJson.mapper().readTree(r.value())));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readValue(record.value(), Map.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
