package org.retailcx.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service shell guarantees, run against each service by a one-line subclass annotated
 * {@code @QuarkusTest @WithTestResource(RealInfrastructureResource.class)}.
 */
public abstract class ServiceShellContract {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void servesOpenApiAndPrometheusMetrics() {
        given().when().get("/q/openapi?format=json").then()
                .statusCode(200)
                .body("paths.'/api/v1/platform/tables'", notNullValue());
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void flywayCreatedTheMedallionLayers() {
        given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/platform/tables").then()
                .statusCode(200)
                .body("keySet()", hasItems("bronze", "silver", "gold", "platform"))
                .body("platform.table", hasItems("outbox", "inbox", "idempotency_keys"));
    }

    @Test
    void apiNeedsAValidTokenWithAnAllowedRole() {
        given().when().get("/api/v1/platform/tables").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer not.a.token")
                .when().get("/api/v1/platform/tables").then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("sales-rep"))
                .when().get("/api/v1/platform/tables").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void provisionedItsTopicsWithTheConfiguredPartitions() throws Exception {
        Config config = ConfigProvider.getConfig();
        String prefix = config.getOptionalValue("retailcx.kafka.topic-prefix", String.class).orElse("");
        int partitions = config.getValue("retailcx.kafka.partitions", Integer.class);
        List<String> topics = new java.util.ArrayList<>(
                config.getOptionalValues("retailcx.kafka.topics", String.class).orElse(List.of()));
        topics.add("retailcx." + config.getValue("quarkus.application.name", String.class) + ".dlq");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrap()))) {
            Map<String, TopicDescription> described = admin.describeTopics(topics.stream().map(t -> prefix + t)
                    .toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            described.values().forEach(d -> assertEquals(partitions, d.partitions().size(), d.name()));
        }
    }
}
