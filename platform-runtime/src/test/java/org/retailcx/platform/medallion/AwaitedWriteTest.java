package org.retailcx.platform.medallion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A write that waits for its promotion answers with the promoted receipt once the promoter is done, also when the
 * promotion outlasts the promoter's first status check: the feed source's listener sleeps 1.5 s. (Had the check
 * cancelled the wait, the call would sit until retailcx.medallion.wait, 120 s in tests, past the client's 30 s.)
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class AwaitedWriteTest {

    @Test
    void answersThePromotedReceiptOnceASlowPromotionEnds() {
        String id = "F-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer("service")).contentType("application/json")
                .body("{\"recordId\":\"" + id + "\",\"customerId\":\"C-1\"}")
                .when().put("/api/v1/medallion-test/feed/" + id).then().statusCode(200)
                .body("status", equalTo("promoted")).body("records", equalTo(1));
    }
}
