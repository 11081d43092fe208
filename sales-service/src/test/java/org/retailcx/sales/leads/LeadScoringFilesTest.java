package org.retailcx.sales.leads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.leads.LeadsTestSupport.awaitEvents;
import static org.retailcx.sales.leads.LeadsTestSupport.bankMarketingNdjson;
import static org.retailcx.sales.leads.LeadsTestSupport.batchAwaited;
import static org.retailcx.sales.leads.LeadsTestSupport.get;
import static org.retailcx.sales.leads.LeadsTestSupport.json;
import static org.retailcx.sales.leads.LeadsTestSupport.put;
import static org.retailcx.sales.leads.LeadsTestSupport.query;
import static org.retailcx.sales.leads.LeadsTestSupport.rep;
import static org.retailcx.sales.leads.LeadsTestSupport.syntheticNdjson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

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

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Lead scoring as a data scientist uses it (issue 11): both learners side by side under a time-ordered split,
 * scoring and evaluating held-out files without creating leads, stored evaluations on files and silver ranges,
 * explanations, the validation-upload protocol with a refit, grades by the recent scored population and the grade
 * mix, model-version.trained on the broker, and bad input.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class LeadScoringFilesTest {

    private static final String SCORING = "/api/v1/sales/lead-scoring";
    private static final String MODELS = SCORING + "/models";
    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    static {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @Inject
    Pool pool;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    /**
     * The "done when": both learners on bank-marketing with a time-ordered 75/25 split in one call, read side
     * by side; the held-out quarter scored and evaluated without a lead being created. The figures are the pure
     * {@code BankMarketingLearnersTest}'s, since it is the same code on the same split.
     */
    @Test
    void bankMarketingBothLearnersTimeOrderedThenTheHeldOutQuarterScoredAndEvaluated() throws IOException {
        String ndjson = bankMarketingNdjson(true);
        JsonPath comparison = upload(SCORING + "/comparisons?learners=logistic-regression,gradient-boosted-trees"
                + "&protocol=time-ordered&timeField=contactMonth&trainShare=0.75&exclude=duration&sentinel=pdays:999",
                ndjson).statusCode(200)
                .body("protocol", equalTo("time-ordered"))
                .body("validationRows", equalTo(10297))
                .body("models.learner", org.hamcrest.Matchers.contains("logistic-regression", "gradient-boosted-trees"))
                .body("models[0].timeRange.timeField", equalTo("contactMonth"))
                .body("models[0].timeRange.trainFrom", equalTo("2008-05-01"))
                .body("models[0].timeRange.validateTo", equalTo("2010-11-01"))
                .body("models[0].trainingRows", equalTo(30891))
                .body("models[0].crossValidation", org.hamcrest.Matchers.nullValue())
                .body("models[0].holdout.auc", closeTo(0.7430, 0.0001))
                .body("models[1].holdout.auc", closeTo(0.5494, 0.0001))
                .body("models[0].features.unused", hasItem("duration"))
                .body("models[0].holdout.gains", hasSize(10))
                .body("models[1].importance[0].feature", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
        assertEquals(comparison.getDouble("models[1].holdout.auc") - comparison.getDouble("models[0].holdout.auc"),
                comparison.getDouble("aucDifference"), 1e-12);
        System.out.printf("[bank-marketing via API, time-ordered 75/25] logistic regression AUC %.4f, boosted trees"
                + " %.4f%n", comparison.getDouble("models[0].holdout.auc"), comparison.getDouble("models[1].holdout.auc"));
        int linear = comparison.getInt("models[0].version");

        String[] lines = ndjson.split("\n");
        String heldOut = String.join("\n", Arrays.copyOfRange(lines, 30891, lines.length));
        long leadsBefore = count("select count(*) from silver.retail_sales_lead_golden");
        long outboxBefore = count("select count(*) from platform.outbox");

        JsonPath scored = upload(MODELS + "/" + linear + "/score?explain=3", heldOut).statusCode(200)
                .body("rows", equalTo(10297))
                .body("items", hasSize(10297))
                .body("items[0].leadId", equalTo("row-1"))
                .body("items[0].reasons", hasSize(3))
                .extract().jsonPath();
        Map<String, Integer> gradeCounts = scored.getMap("gradeCounts", String.class, Integer.class);
        assertEquals(10297, gradeCounts.values().stream().mapToInt(Integer::intValue).sum());
        // frozen training-period cut-offs meet a later period whose base rate is several times higher
        assertTrue(gradeCounts.get("A") > 10297 * 0.8, "A-graded held-out leads " + gradeCounts);

        upload(MODELS + "/" + linear + "/evaluate", heldOut).statusCode(200)
                .body("source", equalTo("upload"))
                .body("evaluation.rows", equalTo(10297))
                .body("evaluation.auc", closeTo(comparison.getDouble("models[0].holdout.auc"), 1e-9))
                .body("evaluation.gains[0].lift", greaterThan(1.5))
                .body("evaluation.grades.grade", org.hamcrest.Matchers.contains("A", "B", "C", "D"))
                .body("createdBy", equalTo("test-user")); // the token's subject
        get(MODELS + "/" + linear + "/evaluations", "sales-manager").statusCode(200)
                .body("items[0].evaluation.rows", equalTo(10297));

        assertEquals(leadsBefore, count("select count(*) from silver.retail_sales_lead_golden"), "no golden lead");
        assertEquals(outboxBefore, count("select count(*) from platform.outbox"), "no event");
    }

    @Test
    void filesTheModelCannotReadAreRefusedNamingTheColumn() {
        int version = upload(MODELS + "?folds=0", syntheticNdjson(400, 3)).statusCode(200).extract().jsonPath()
                .getInt("version");
        String lead = json("leadId", "L1", "source", "Branch", "attributes", Map.of("income", 90000, "segment", "young"));
        upload(MODELS + "/" + version + "/score", lead).statusCode(200).body("items[0].grade", org.hamcrest.Matchers
                .oneOf("A", "B", "C", "D"));
        upload(MODELS + "/" + version + "/score", json("source", "Branch", "favouriteColour", "teal",
                "attributes", Map.of("income", 90000, "segment", "young"))).statusCode(400)
                .body("errors[0].field", equalTo("favouriteColour"));
        upload(MODELS + "/" + version + "/score", json("source", "Branch", "attributes", Map.of("segment", "young")))
                .statusCode(400).body("errors[0].field", equalTo("income"))
                .body("errors[0].message", containsString("absent from every row"));
        upload(MODELS + "/" + version + "/score?explain=11", lead).statusCode(400)
                .body("errors[0].field", equalTo("explain"));
        // one outcome only: AUC compares converted with non-converted leads
        String allLost = String.join("\n", json("converted", false, "source", "Branch", "attributes",
                Map.of("income", 90000, "segment", "young")), json("converted", false, "source", "Web Form",
                "attributes", Map.of("income", 30000, "segment", "senior")));
        upload(MODELS + "/" + version + "/evaluate", allLost).statusCode(422)
                .body("detail", containsString("AUC"));
        upload(MODELS + "/999999/score", lead).statusCode(404);

        // time-ordered on a field that is not a date, a range with nothing after it, cross-validation shuffling time
        upload(MODELS + "?protocol=time-ordered&timeField=source", syntheticNdjson(200, 4)).statusCode(400)
                .body("errors[0].field", equalTo("timeField"));
        upload(MODELS + "?protocol=time-ordered&timeField=day&trainBefore=2030-01-01", dated(300)).statusCode(422)
                .body("title", equalTo("Time range too short"));
        upload(MODELS + "?protocol=time-ordered&timeField=day&trainShare=0.999", dated(300)).statusCode(422)
                .body("detail", containsString("no validation"));
        upload(MODELS + "?protocol=time-ordered&timeField=day&folds=5", dated(300)).statusCode(400)
                .body("errors[0].field", equalTo("folds"));
        upload(MODELS + "?learner=random-forest", dated(300)).statusCode(400).body("errors[0].field", equalTo("learner"));
        upload(MODELS + "?protocol=time-ordered&timeField=day", dated(300)).statusCode(200)
                .body("protocol.protocol", equalTo("time-ordered"))
                .body("timeRange.trainFrom", equalTo("2026-01-01"))
                .body("features.used", org.hamcrest.Matchers.not(hasItem("day")));
    }

    @Test
    void validationUploadWithRefitAnnouncesTheVersionAndExplainsIt() throws Exception {
        ValidatableResponse trained = given().header("Authorization", TestTokens.bearer("data-scientist"))
                .multiPart("training", "training.ndjson", syntheticNdjson(400, 5).getBytes(StandardCharsets.UTF_8),
                        "application/x-ndjson")
                .multiPart("validation", "validation.ndjson", syntheticNdjson(200, 6).getBytes(StandardCharsets.UTF_8),
                        "application/x-ndjson")
                .when().post(MODELS + "?learner=gradient-boosted-trees&refit=true&minLeafRows=10").then()
                .statusCode(200)
                .body("learner", equalTo("gradient-boosted-trees"))
                .body("protocol.protocol", equalTo("validation-upload"))
                .body("refitted", equalTo(true))
                .body("rows", equalTo(600)).body("trainingRows", equalTo(400)).body("validationRows", equalTo(200))
                .body("holdout.auc", greaterThan(0.8))
                .body("modelMetrics.'train.rows'", equalTo(600.0))
                .body("trainingDatasetId", startsWith("upload:sha256:"));
        int version = trained.extract().jsonPath().getInt("version");
        given().header("Authorization", TestTokens.bearer("data-scientist")).multiPart("training", "t.ndjson",
                syntheticNdjson(200, 5).getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post(MODELS).then().statusCode(400).body("errors[0].field", equalTo("validation"));

        get(MODELS + "/" + version + "/explanation", "marketing").statusCode(200)
                .body("learner", equalTo("gradient-boosted-trees"))
                .body("trees", greaterThan(0))
                .body("gainImportance.income", greaterThan(0.5))
                .body("importance[0].feature", equalTo("income"));
        upload(MODELS + "/" + version + "/score?explain=1", json("source", "Branch", "attributes",
                Map.of("income", 118000, "segment", "family"))).statusCode(200)
                .body("items[0].reasons[0].feature", equalTo("income"))
                .body("items[0].reasons[0].contribution", greaterThan(0.0));

        String subject = "sales.lead-scoring";
        var trainedEvent = awaitEvents(KAFKA, topicPrefix + Topics.SALES_MODEL_VERSION,
                EventCatalog.SALES_MODEL_VERSION_TRAINED.type(), r -> subject.equals(KafkaTestClient.header(r,
                        "ce_subject")) && version(r.value()) == version, 1);
        JsonNode data = EventJson.mapper().readTree(trainedEvent.get(0).value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.SALES_MODEL_VERSION_TRAINED, data));
        assertEquals(subject, trainedEvent.get(0).key());
        assertEquals("gradient-boosted-trees", data.get("modelType").asText());
        assertEquals(trained.extract().jsonPath().getString("trainingDatasetId"), data.get("trainingDatasetId").asText());
        assertTrue(data.get("codeVersion").asText().startsWith("sales-service"), data.toString());
        assertEquals(trained.extract().jsonPath().getDouble("holdout.auc"), data.get("metrics").get("auc").asDouble(),
                1e-12);
        assertEquals(false, data.get("active").asBoolean());

        post(MODELS + "/" + version + "/activate", "admin").statusCode(200);
        var activated = awaitEvents(KAFKA, topicPrefix + Topics.SALES_MODEL_VERSION,
                EventCatalog.SALES_MODEL_VERSION_TRAINED.type(), r -> version(r.value()) == version
                        && r.value().replace(" ", "").contains("\"active\":true"), 1);
        JsonNode active = EventJson.mapper().readTree(activated.get(0).value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.SALES_MODEL_VERSION_TRAINED, active));
        assertEquals(data.get("trainingDatasetId"), active.get("trainingDatasetId"), "lineage is fixed per version");
    }

    /**
     * Leads richer than the training population arrive: frozen training quantiles grade most of them A; the recent
     * quantiles grade a tenth A again, and the grade mix shows both.
     */
    @Test
    void gradesFollowTheRecentScoredPopulationAndTheMixShowsTheShift() {
        int version = upload(MODELS + "?folds=0&grading=recent-quantiles&gradeWindowDays=7", syntheticNdjson(400, 8))
                .statusCode(200).body("protocol.grading.basis", equalTo("recent-quantiles"))
                .extract().jsonPath().getInt("version");
        post(MODELS + "/" + version + "/activate", "data-scientist").statusCode(200);
        String u = unique("rq");
        Random random = new Random(9);
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String id = "RQ" + i + "-" + u;
            leads.add(json("leadId", id, "source", "Branch", "email", id + "@example.org", "attributes",
                    Map.of("income", 108000 + random.nextInt(12000), "segment", "family")));
        }
        batchAwaited("leads", leads);
        double before = lastShareOfA(version);
        assertTrue(before > 0.5, "A share under training quantiles " + before);

        JsonPath refreshed = post(MODELS + "/" + version + "/grading/refresh", "data-scientist").statusCode(200)
                .body("refreshed", equalTo(true))
                .body("cutoff.basis", equalTo("recent-quantiles"))
                .body("cutoff.population", greaterThanOrEqualTo(80))
                .body("leadsRegraded", greaterThan(0))
                .extract().jsonPath();
        double after = lastShareOfA(version);
        assertTrue(after < 0.2, "A share under recent quantiles " + after + " (" + refreshed.prettify() + ")");
        get(MODELS + "/" + version + "/grade-mix?bucket=day", "sales-manager").statusCode(200)
                .body("cutoffs", hasSize(2))
                .body("cutoffs[0].basis", equalTo("training-quantiles"));

        given().header("Authorization", TestTokens.bearer("data-scientist")).contentType("application/json")
                .body("{\"basis\": \"conversion-targets\", \"targets\": [0.9, 0.5, 0.1]}")
                .when().put(MODELS + "/" + version + "/grading").then().statusCode(200)
                .body("cutoff.basis", equalTo("conversion-targets"))
                .body("cutoff.minimumA", equalTo(0.9));
        post(MODELS + "/" + version + "/grading/refresh", "data-scientist").statusCode(409);
        given().header("Authorization", TestTokens.bearer("data-scientist")).contentType("application/json")
                .body("{\"basis\": \"conversion-targets\", \"targets\": [0.1, 0.5, 0.9]}")
                .when().put(MODELS + "/" + version + "/grading").then().statusCode(400)
                .body("errors[0].field", equalTo("grading.targets"));
        get(MODELS + "/" + version + "/grade-mix?bucket=year", "admin").statusCode(400)
                .body("errors[0].field", equalTo("bucket"));
    }

    /** 15 leads of May 2019 won through an opportunity, 25 disqualified: the silver evaluation reads exactly them. */
    @Test
    void evaluatesOnSilverOutcomesOfADateRange() {
        int version = upload(MODELS + "?folds=0", syntheticNdjson(400, 10)).statusCode(200).extract().jsonPath()
                .getInt("version");
        String u = unique("ev");
        String repId = "REP-" + u;
        put("reps", repId, rep(repId)).statusCode(200);
        List<String> leads = new ArrayList<>();
        List<String> opportunities = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "EV" + i + "-" + u;
            boolean won = i < 15;
            leads.add(json("leadId", id, "source", "Branch", "email", id + "@example.org", "createdDate", "2019-05-10",
                    "qualificationStatus", won ? "Converted" : "Disqualified",
                    "disqualificationReason", won ? null : "no budget",
                    "attributes", Map.of("income", won ? 90000 + i * 1000 : 30000 + i * 1000, "segment", "young")));
            if (won) {
                opportunities.add(json("opportunityId", "EO" + i + "-" + u, "accountId", "EA" + i + "-" + u,
                        "leadId", id, "ownerId", repId, "stage", "Closed Won", "amount", 1000, "productInterest",
                        "savings", "createdDate", "2019-05-20"));
            }
        }
        batchAwaited("leads", leads);
        batchAwaited("opportunities", opportunities);
        given().header("Authorization", TestTokens.bearer("admin")).contentType("application/json")
                .body("{\"from\": \"2019-05-01\", \"to\": \"2019-05-31\"}")
                .when().post(MODELS + "/" + version + "/evaluate").then().statusCode(200)
                .body("source", equalTo("silver"))
                .body("parameters.from", equalTo("2019-05-01"))
                .body("evaluation.rows", equalTo(40))
                .body("evaluation.conversions", equalTo(15))
                .body("evaluation.auc", equalTo(1.0))
                .body("createdBy", equalTo("test-user"));
        given().header("Authorization", TestTokens.bearer("admin")).contentType("application/json")
                .body("{\"from\": \"2019-06-01\", \"to\": \"2019-06-30\"}")
                .when().post(MODELS + "/" + version + "/evaluate").then().statusCode(422);
        given().header("Authorization", TestTokens.bearer("admin")).contentType("application/json")
                .body("{\"from\": \"2019-06-01\"}")
                .when().post(MODELS + "/" + version + "/evaluate").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        get(MODELS + "/" + version + "/evaluations?limit=1", "data-scientist").statusCode(200)
                .body("items", hasSize(1)).body("items[0].source", equalTo("silver"));
        get(MODELS + "/" + version + "/explanation", "data-scientist").statusCode(200)
                .body("learner", equalTo("logistic-regression"))
                .body("coefficients.income", greaterThan(0.0))
                .body("importance[0].feature", equalTo("income"));
        get(MODELS + "/" + version + "/evaluations", "sales-rep").statusCode(403);
        assertTrue(count("select count(*) from silver.retail_sales_scoring_evaluation where version = " + version) >= 1);
    }

    private double lastShareOfA(int version) {
        JsonPath mix = get(MODELS + "/" + version + "/grade-mix?bucket=day", "data-scientist").statusCode(200)
                .body("periods.size()", greaterThan(0)).extract().jsonPath();
        int last = mix.getList("periods").size() - 1;
        assertTrue(mix.getInt("periods[" + last + "].leads") >= 80, mix.prettify());
        return mix.getDouble("periods[" + last + "].shares.A");
    }

    /** Leads with a date field {@code day} through 2026 and the synthetic income signal. */
    private static String dated(int rows) {
        String[] lines = syntheticNdjson(rows, 12).split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i], 0, lines[i].length() - 1)
                    .append(String.format(",\"day\":\"2026-%02d-%02d\"}%n", 1 + i * 12 / lines.length, 1 + i % 28));
        }
        return out.toString();
    }

    private static int version(String eventJson) {
        try {
            return EventJson.mapper().readTree(eventJson).path("version").asInt();
        } catch (IOException e) {
            return -1;
        }
    }

    private long count(String sql) {
        return query(pool, sql).iterator().next().getLong(0);
    }

    private static ValidatableResponse upload(String path, String ndjson) {
        return given().header("Authorization", TestTokens.bearer("data-scientist"))
                .contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then();
    }

    private static ValidatableResponse post(String path, String role) {
        return given().header("Authorization", TestTokens.bearer(role)).when().post(path).then();
    }
}
