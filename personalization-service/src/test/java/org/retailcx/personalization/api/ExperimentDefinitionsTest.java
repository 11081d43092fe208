package org.retailcx.personalization.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Experiment definitions through the medallion source on the real database: cross-field checks and namespaces. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ExperimentDefinitionsTest {

    private static final String API = "/api/v1/personalization";

    private static ValidatableResponse put(String role, String id, String variants, String weights, String extra) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType("application/json").body("""
                {"experimentId":"%s","name":"Offer banner","status":"running","hypothesis":"a banner lifts sign-ups",
                 "successMetric":"conversion","variants":%s,"weights":%s%s}""".formatted(id, variants, weights,
                extra)).when().put(API + "/experiments/" + id).then();
    }

    @Test
    void weightsAndVariantsAreCheckedFieldByField() {
        String id = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        put("marketing", id, "[\"control\",\"banner\"]", "[0.5,0.5]", "").statusCode(200);
        put("marketing", id, "[\"control\",\"banner\"]", "[0.5,0.4]", "").statusCode(400)
                .body("errors[0].field", equalTo("weights"));
        put("marketing", id, "[\"control\",\"banner\",\"video\"]", "[0.5,0.5]", "").statusCode(400)
                .body("errors[0].field", equalTo("weights"));
        put("marketing", id, "[\"control\",\"banner\"]", "[0.5,0.5]", ",\"namespaceId\":\"home\"").statusCode(400)
                .body("errors[0].field", equalTo("namespaceId"));
        put("cx-analyst", id, "[\"control\",\"banner\"]", "[0.5,0.5]", "").statusCode(403);
    }

    @Test
    void anOverlappingNamespaceRangeIsQuarantined() {
        String ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);
        String first = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        put("data-scientist", first, "[\"a\",\"b\"]", "[0.5,0.5]",
                ",\"namespaceId\":\"" + ns + "\",\"namespaceStart\":0,\"namespaceEnd\":0.5").statusCode(200);
        put("data-scientist", second, "[\"a\",\"b\"]", "[0.5,0.5]",
                ",\"namespaceId\":\"" + ns + "\",\"namespaceStart\":0.4,\"namespaceEnd\":1").statusCode(200);
        given().header("Authorization", TestTokens.bearer("admin")).when().get(API + "/quarantine").then()
                .statusCode(200).body("items.rule", hasItem("namespace-range-free"));
    }
}
