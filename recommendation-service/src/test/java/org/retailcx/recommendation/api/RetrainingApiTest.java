package org.retailcx.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.recommendation.api.EventFields.field;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.platform.jobs.SingleReplicaJobs;
import org.retailcx.recommendation.pipeline.training.RetrainingJob;
import org.retailcx.schema.EventCatalog;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;

/**
 * The scheduled retraining on the real database and broker: one replica at a time (another replica holding the job
 * makes this one's run a 409 that stores nothing), the configured algorithm on the configured window, activated and
 * announced to the registry.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RetrainingApiTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @Inject
    SingleReplicaJobs jobs;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    private static int versions() {
        return given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("limit", 1)
                .when().get("/api/v1/recommendation/models").then().statusCode(200).extract()
                .<List<Integer>>path("items.version").stream().findFirst().orElse(0);
    }

    @Test
    void theRetrainingRunsOnOneReplicaAtATimeAndRegistersItsVersion() throws Exception {
        String run = "R" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", TestTokens.bearer("service")).contentType("application/json")
                .body(PlantedFamilies.jsonArray(PlantedFamilies.generate(run, 2, 4, 3, 3, 5)))
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(200);

        CompletableFuture<Void> release = new CompletableFuture<>();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Optional<String>> other = jobs.runExclusive(RetrainingJob.JOB, tx -> {
            running.countDown();
            return Uni.createFrom().completionStage(release).replaceWith("other replica");
        }).subscribeAsCompletionStage();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        int newest = versions();
        given().header("Authorization", TestTokens.bearer("data-scientist")).when()
                .post("/api/v1/recommendation/models/retrain").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:retailcx:problem:recommendation-retrain-running"));
        assertEquals(newest, versions(), "nothing trained while the other replica holds the job");
        release.complete(null);
        assertEquals(Optional.of("other replica"), other.get(10, TimeUnit.SECONDS));

        JsonPath trained = given().header("Authorization", TestTokens.bearer("data-scientist")).when()
                .post("/api/v1/recommendation/models/retrain").then().statusCode(201)
                .body("algorithm", equalTo("sar")).body("trigger", equalTo("schedule"))
                .body("active", equalTo(true)).body("trainedBy", equalTo("test-user")).extract().jsonPath();
        int version = trained.getInt("version");
        assertTrue(version > newest);
        Duration window = Duration.between(OffsetDateTime.parse(trained.getString("windowFrom")),
                OffsetDateTime.parse(trained.getString("windowTo")));
        assertEquals(Duration.ofDays(365), window, "the configured window");
        given().header("Authorization", TestTokens.bearer("data-scientist"))
                .when().get("/api/v1/recommendation/models/active").then().statusCode(200)
                .body("version", equalTo(version));

        // the registry hears of it: trained, then active
        List<ConsumerRecord<String, String>> announced = KAFKA.awaitRecords(
                topicPrefix + EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED.topic(),
                r -> field(r, "version").equals(String.valueOf(version)), 2, Duration.ofSeconds(60));
        assertEquals(List.of("false", "true"), announced.stream().map(r -> field(r, "active")).toList());

        given().header("Authorization", TestTokens.bearer("marketing")).when()
                .post("/api/v1/recommendation/models/retrain").then().statusCode(403);
    }

}
