package org.retailcx.platform.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code retailcx.ops.require-token=true} (a deployment whose metrics and API description must not be open): then
 * {@code /q/metrics} and {@code /q/openapi} need a valid bearer token, while health stays open for the probes.
 * Off by default, which {@code ServiceShellContract} checks in every service.
 */
@QuarkusTest
@TestProfile(OpsEndpointsNeedATokenTest.RequireToken.class)
@WithTestResource(RealInfrastructureResource.class)
class OpsEndpointsNeedATokenTest {

    public static class RequireToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("retailcx.ops.require-token", "true");
        }
    }

    @Test
    void metricsAndOpenApiNeedAValidTokenAndHealthStaysOpen() {
        for (String path : new String[] { "/q/metrics", "/q/openapi" }) {
            given().when().get(path).then().statusCode(401);
            given().header("Authorization", "Bearer not.a.token").when().get(path).then().statusCode(401);
        }
        given().header("Authorization", TestTokens.bearer("service")).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().header("Authorization", TestTokens.bearer("data-scientist")).when().get("/q/openapi?format=json")
                .then().statusCode(200).body(containsString("\"openapi\""));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
