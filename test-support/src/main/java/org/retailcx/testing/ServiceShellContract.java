package org.retailcx.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

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
}
