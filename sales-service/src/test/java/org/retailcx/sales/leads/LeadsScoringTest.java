package org.retailcx.sales.leads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.leads.LeadsTestSupport.awaitEvents;
import static org.retailcx.sales.leads.LeadsTestSupport.batchAwaited;
import static org.retailcx.sales.leads.LeadsTestSupport.get;
import static org.retailcx.sales.leads.LeadsTestSupport.json;
import static org.retailcx.sales.leads.LeadsTestSupport.put;
import static org.retailcx.sales.leads.LeadsTestSupport.rep;
import static org.retailcx.sales.leads.LeadsTestSupport.bankMarketingNdjson;
import static org.retailcx.sales.leads.LeadsTestSupport.syntheticNdjson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Lead scoring through the API: train, evaluate, activate, score on arrival, rescore; bank-marketing AUC. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class LeadsScoringTest {

    private static final String MODELS = "/api/v1/sales/lead-scoring/models";
    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    static {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    /**
     * Protocol as in the README: stratified 80/20 holdout, seed 20240601, without duration, pdays = 999 as a
     * sentinel, linear splines over 10 quantile segments; plus stratified 5-fold cross-validation.
     */
    @Test
    void bankMarketingReachesTheRequiredHeldOutAucThroughTheApi() throws IOException {
        ValidatableResponse trained = upload(bankMarketingNdjson(), "exclude=duration&sentinel=pdays:999")
                .statusCode(200)
                .body("trainingSource", equalTo("upload"))
                .body("rows", equalTo(41188))
                .body("trainingRows", equalTo(32950))
                .body("protocol.seed", equalTo(20240601))
                .body("protocol.holdoutFraction", equalTo(0.2))
                .body("holdout.rows", equalTo(8238))
                .body("holdout.auc", greaterThanOrEqualTo(0.79))
                .body("crossValidation.folds", equalTo(5))
                .body("crossValidation.meanAuc", greaterThanOrEqualTo(0.79))
                .body("holdout.calibration", hasSize(10))
                .body("grades.grade", org.hamcrest.Matchers.contains("A", "B", "C", "D"))
                .body("active", equalTo(false));
        System.out.printf("[bank-marketing via API] holdout AUC %.4f, 5-fold CV AUC %.4f ± %.4f%n",
                trained.extract().jsonPath().getDouble("holdout.auc"),
                trained.extract().jsonPath().getDouble("crossValidation.meanAuc"),
                trained.extract().jsonPath().getDouble("crossValidation.sdAuc"));
        var report = trained.extract().jsonPath();
        // grades from A to D convert less and less on the held-out leads
        List<Double> rates = report.getList("grades.conversionRate", Double.class);
        assertTrue(rates.get(0) > rates.get(1) && rates.get(1) > rates.get(2) && rates.get(2) > rates.get(3),
                rates.toString());
    }

    @Test
    void trainActivateScoreOnArrivalAndRescore() throws Exception {
        int version = upload(syntheticNdjson(400, 7), "folds=3").statusCode(200)
                .body("holdout.auc", greaterThan(0.8))
                .body("crossValidation.foldAuc", hasSize(3))
                .extract().jsonPath().getInt("version");
        get(MODELS + "/" + version, "sales-manager").statusCode(200).body("version", equalTo(version))
                .body("active", equalTo(false));
        post(MODELS + "/" + version + "/score", "data-scientist").statusCode(409);
        post(MODELS + "/" + version + "/activate", "data-scientist").statusCode(200).body("active", equalTo(true));
        get(MODELS + "?limit=1000", "data-scientist").statusCode(200)
                .body("items.findAll { it.active }.version", org.hamcrest.Matchers.contains(version));
        post(MODELS + "/999999/activate", "admin").statusCode(404);
        post(MODELS + "/" + version + "/activate", "sales-rep").statusCode(403);

        // a new lead is scored with the active model in its ingestion transaction
        String id = unique("SCORE");
        String hot = json("leadId", id, "source", "Web Form", "email", id + "@example.org",
                "attributes", Map.of("income", 118000, "segment", "family"));
        put("leads", id, hot).statusCode(200).body("eventsQueued", equalTo(2)); // created + scored
        var golden = get("/api/v1/sales/leads/" + id + "/golden", "admin").statusCode(200)
                .body("score.grade", equalTo("A"))
                .body("score.modelVersion", equalTo(version))
                .body("score.probability", greaterThan(0.5))
                .extract().jsonPath();
        String goldenId = Long.toString(golden.getLong("goldenLeadId"));
        put("leads", id, hot).statusCode(200).body("eventsQueued", equalTo(0)); // identical: no new score
        put("leads", id, json("leadId", id, "source", "Web Form", "email", id + "@example.org",
                "attributes", Map.of("income", 21000, "segment", "young"))).statusCode(200)
                .body("eventsQueued", equalTo(1));
        get("/api/v1/sales/leads/" + id + "/golden", "admin").statusCode(200).body("score.grade", equalTo("D"));

        var scored = awaitEvents(KAFKA, topicPrefix + Topics.SALES_LEAD, EventCatalog.SALES_LEAD_SCORED.type(),
                r -> goldenId.equals(KafkaTestClient.header(r, "ce_subject")), 2);
        assertEquals(goldenId, scored.get(0).key());
        var first = EventJson.mapper().readTree(scored.get(0).value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.SALES_LEAD_SCORED, first));
        assertEquals("A", first.get("grade").asText());
        assertEquals(version, first.get("modelVersion").asInt());
        assertEquals("D", EventJson.mapper().readTree(scored.get(1).value()).get("grade").asText());

        // rescoring scores open leads that arrived before the activation; a second rescore changes nothing
        post(MODELS + "/" + version + "/score", "data-scientist").statusCode(200).body("version", equalTo(version));
        post(MODELS + "/" + version + "/score", "data-scientist").statusCode(200).body("leadsRescored", equalTo(0));
        assertEquals(2, KAFKA.readFor(topicPrefix + Topics.SALES_LEAD, r -> EventCatalog.SALES_LEAD_SCORED.type()
                .equals(KafkaTestClient.header(r, "ce_type")) && goldenId.equals(KafkaTestClient.header(r,
                        "ce_subject")), Duration.ofSeconds(2)).size());
    }

    /**
     * Labels from silver: 40 leads won through an opportunity (label 1) and 100 disqualified (label 0), so a model
     * can be trained without an upload.
     */
    @Test
    void trainsOnSilverOutcomes() {
        String u = unique("s");
        String repId = "REP-" + u;
        put("reps", repId, rep(repId)).statusCode(200);
        List<String> leads = new ArrayList<>();
        List<String> opportunities = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 140; i++) {
            String id = "SL" + i + "-" + u;
            boolean won = i < 40;
            String source = random.nextDouble() < (won ? 0.8 : 0.2) ? "Branch" : "Web Form";
            leads.add(json("leadId", id, "source", source, "email", id + "@example.org",
                    "qualificationStatus", won ? "Converted" : "Disqualified",
                    "disqualificationReason", won ? null : "not reachable", "createdDate", "2026-01-10",
                    "attributes", Map.of("visits", won ? 3 + random.nextInt(5) : random.nextInt(5))));
            if (won) {
                opportunities.add(json("opportunityId", "SO" + i + "-" + u, "accountId", "SA" + i + "-" + u,
                        "leadId", id, "ownerId", repId, "stage", "Closed Won", "amount", 1000, "productInterest",
                        "savings", "createdDate", "2026-01-20"));
            }
        }
        batchAwaited("leads", leads);
        batchAwaited("opportunities", opportunities);
        given().header("Authorization", TestTokens.bearer("data-scientist")).contentType("application/json")
                .body("{\"folds\": 0, \"unconvertedAfterDays\": 180}")
                .when().post(MODELS).then().statusCode(200)
                .body("trainingSource", equalTo("silver"))
                .body("rows", greaterThanOrEqualTo(140))
                .body("crossValidation", org.hamcrest.Matchers.nullValue())
                .body("holdout.auc", greaterThan(0.6));
    }

    @Test
    void badTrainingInputIsRefusedNamingTheField() {
        upload("{\"converted\": true, \"x\": 1}\n{\"x\": 2}\n", "").statusCode(400)
                .body("errors[0].field", equalTo("[1].converted"));
        upload("{\"converted\": true, \"x\": 1}\n", "").statusCode(422);
        upload(syntheticNdjson(200, 1), "holdoutFraction=2").statusCode(400)
                .body("errors[0].field", equalTo("holdoutFraction"));
        given().header("Authorization", TestTokens.bearer("sales-manager")).contentType("application/x-ndjson")
                .body(syntheticNdjson(200, 1).getBytes(StandardCharsets.UTF_8))
                .when().post(MODELS).then().statusCode(403);
    }

    private static ValidatableResponse upload(String ndjson, String query) {
        return given().header("Authorization", TestTokens.bearer("data-scientist"))
                .contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post(MODELS + (query.isEmpty() ? "" : "?" + query)).then();
    }

    private static ValidatableResponse post(String path, String role) {
        return given().header("Authorization", TestTokens.bearer(role)).when().post(path).then();
    }
}
