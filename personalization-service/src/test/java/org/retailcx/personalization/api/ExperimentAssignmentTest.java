package org.retailcx.personalization.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.experiment.ExperimentClient;
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
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/**
 * Assignment through the API and through the client library fed by the published definitions endpoint, on the real
 * database: the same variation for every customer, the split following the weights, targeting by attributes.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ExperimentAssignmentTest {

    private static final String API = "/api/v1/personalization";
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

    private static String define(String status, String weights, String extra) {
        String id = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        as("marketing").contentType("application/json").body("""
                {"experimentId":"%s","name":"Savings nudge","status":"%s","hypothesis":"a nudge lifts deposits",
                 "successMetric":"deposit","variants":["control","nudge"],"weights":%s%s}"""
                .formatted(id, status, weights, extra)).when().put(API + "/experiments/" + id).then().statusCode(200);
        return id;
    }

    private static JsonPath assign(String id, String customer, Map<String, Object> attributes) {
        return as("service").queryParam("customerId", customer).queryParams(attributes)
                .when().get(API + "/experiments/" + id + "/assignment").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theClientLibraryAssignsFromPublishedDefinitionsAsTheApiDoes() {
        String id = define("running", "[0.2,0.8]", "");
        // numbers as doubles, as the client's own JSON reader gives them: RestAssured's default (float) moves the
        // 0.2 weight boundary and, for a customer hashed next to it, the variation
        List<Map<String, Object>> published = as("service").when().get(API + "/experiments").then().statusCode(200)
                .extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE))
                .getList("experiments");
        Map<String, Object> definition = published.stream().filter(d -> id.equals(d.get("key"))).findFirst()
                .orElseThrow();
        assertEquals(id, definition.get("seed"));
        assertEquals("id", definition.get("hashAttribute"));
        ExperimentClient client = new ExperimentClient();
        client.publish(definition);

        int customers = 400;
        int nudged = 0;
        for (int i = 0; i < customers; i++) {
            String customer = "ACC-%07d".formatted(i + 1);
            JsonPath api = assign(id, customer, Map.of());
            var local = client.assign(id, Map.of("id", customer)).orElseThrow();
            assertEquals(local.variationId(), api.getInt("variationId"), customer);
            assertEquals(local.value(), api.getString("variant"), customer);
            assertTrue(api.getBoolean("inExperiment"));
            nudged += api.getInt("variationId");
        }
        // 80 % nudge: 320 expected, sd 8; 6 sd either side
        assertTrue(nudged > 272 && nudged < 368, "nudged " + nudged + " of " + customers);
        // deterministic: asked again, the same answer
        assertEquals(assign(id, "ACC-0000007", Map.of()).getInt("variationId"),
                assign(id, "ACC-0000007", Map.of()).getInt("variationId"));
    }

    @Test
    void targetingByAttributesAndInactiveExperimentsAssignControl() {
        String targeted = define("running", "[0.5,0.5]", ",\"condition\":{\"clvDecile\":{\"$gte\":8}}");
        assertTrue(assign(targeted, "ACC-0000001", Map.of("clvDecile", 9)).getBoolean("inExperiment"));
        JsonPath outside = assign(targeted, "ACC-0000001", Map.of("clvDecile", 3));
        assertEquals(false, outside.getBoolean("inExperiment"));
        assertEquals(0, outside.getInt("variationId"));

        String draft = define("draft", "[0.5,0.5]", "");
        JsonPath notRunning = assign(draft, "ACC-0000001", Map.of());
        assertEquals(false, notRunning.getBoolean("inExperiment"));
        assertEquals("control", notRunning.getString("variant"));
        as("service").when().get(API + "/experiments").then().body("experiments.key", not(hasItem(draft)));
        as("marketing").when().get(API + "/experiments/" + draft).then().statusCode(200)
                .body("status", equalTo("draft")).body("active", equalTo(false));
    }

    @Test
    void badInputUnknownExperimentsAndRoles() {
        String id = define("running", "[0.5,0.5]", "");
        as("service").when().get(API + "/experiments/" + id + "/assignment").then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        as("service").queryParam("customerId", "ACC-0000001").when()
                .get(API + "/experiments/no-such-experiment/assignment").then().statusCode(404)
                .body("detail", equalTo("Experiment no-such-experiment is not defined"));
        as("cx-analyst").queryParam("customerId", "ACC-0000001").when()
                .get(API + "/experiments/" + id + "/assignment").then().statusCode(403);
        given().when().get(API + "/experiments").then().statusCode(401);
    }

    @Test
    void definitionsArePublishedThenChangedAndTheClientFollowsTheEvents() throws Exception {
        String id = define("running", "[0.5,0.5]", "");
        as("marketing").contentType("application/json").body("""
                {"experimentId":"%s","name":"Savings nudge","status":"stopped","successMetric":"deposit",
                 "variants":["control","nudge"],"weights":[0.5,0.5]}""".formatted(id))
                .when().put(API + "/experiments/" + id).then().statusCode(200);
        Map<String, Object> published = event(id, EventCatalog.PERSONALIZATION_EXPERIMENT_PUBLISHED);
        Map<String, Object> changed = event(id, EventCatalog.PERSONALIZATION_EXPERIMENT_CHANGED);
        assertEquals(1, published.get("version"));
        assertEquals(2, changed.get("version"));
        assertEquals("stopped", changed.get("status"));

        ExperimentClient client = new ExperimentClient();
        client.publish(definition(published));
        // someone in the nudge arm while it runs is back to control once it stops
        String nudged = null;
        for (int i = 1; nudged == null; i++) {
            String customer = "ACC-%07d".formatted(i);
            if (client.assign(id, Map.of("id", customer)).orElseThrow().variationId() == 1) {
                nudged = customer;
            }
        }
        client.publish(definition(changed));
        var after = client.assign(id, Map.of("id", nudged)).orElseThrow();
        assertEquals(0, after.variationId());
        assertEquals(false, after.inExperiment());
        assertEquals(0, assign(id, nudged, Map.of()).getInt("variationId"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(Map<String, Object> event) {
        return (Map<String, Object>) event.get("definition");
    }

    /** The one event of a type for the experiment, checked against its schema. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> event(String id, EventType<?> type) throws Exception {
        List<ConsumerRecord<String, String>> records = KAFKA.awaitRecords(
                topicPrefix + Topics.PERSONALIZATION_EXPERIMENT,
                r -> id.equals(r.key()) && type.type().equals(KafkaTestClient.header(r, "ce_type")), 1,
                Duration.ofSeconds(60));
        assertEquals(1, records.size());
        var json = EventJson.mapper().readTree(records.get(0).value());
        assertEquals(List.of(), EventSchemas.violations(type, json));
        return EventJson.mapper().treeToValue(json, Map.class);
    }
}
