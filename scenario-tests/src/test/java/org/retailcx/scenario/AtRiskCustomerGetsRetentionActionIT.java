package org.retailcx.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailcx.testing.TestInfrastructure;
import org.retailcx.testing.TestTokens;

import io.restassured.http.ContentType;

/**
 * A customer who tells the bank in a chat that they are leaving gets a retention action by itself: sentiment-service
 * and recommendation-service run as separate processes with separate databases; the chat is analysed in sentiment,
 * its at-risk alert crosses the real broker, and recommendation issues the catalogue's Churn Risk action once.
 */
class AtRiskCustomerGetsRetentionActionIT {

    private static ServiceProcess sentiment;
    private static ServiceProcess recommendation;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        Path key = infra.publicKeyFile();
        String topicPrefix = infra.freshTopicPrefix() + UUID.randomUUID().toString().substring(0, 8) + ".";
        sentiment = ServiceProcess.start("sentiment-service", topicPrefix, key);
        recommendation = ServiceProcess.start("recommendation-service", topicPrefix, key);
    }

    @AfterAll
    static void stopServices() {
        if (recommendation != null) {
            recommendation.close();
        }
        if (sentiment != null) {
            sentiment.close();
        }
    }

    @Test
    void aChatVoicingTheIntentToLeaveIssuesTheRetentionActionOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = "ACC-" + run;
        given().baseUri(recommendation.baseUrl()).header("Authorization", TestTokens.bearer("marketing"))
                .contentType(ContentType.JSON).body("""
                        {"actionType":"retention-call","actionRecommendation":"Call to keep the customer",
                         "trigger":"Churn Risk","priority":1,"channel":"call","businessWeight":1,"validDays":7}""")
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/retain-" + run).then().statusCode(200);

        given().baseUri(sentiment.baseUrl()).header("Authorization", TestTokens.bearer("service"))
                .contentType(ContentType.JSON).body("""
                        [{"messageId":"CHAT-%1$s-1","chatId":"CHAT-%1$s","customerId":"%2$s","sentAt":"2026-11-20T10:00:00Z",
                          "sender":"Customer","language":"en","product":"current-account","escalationFlag":false,
                          "message":"Your fees are outrageous and the app keeps crashing. I am closing my account and moving to another bank."}]"""
                        .formatted(run, customer))
                .when().post("/api/v1/sentiment/chats/batch").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Integer.valueOf(1).equals(metrics().extract()
                        .path("find { it.actionId == 'retain-" + run + "' }.issued")));
        metrics().body("find { it.actionId == 'retain-" + run + "' }.accepted", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse metrics() {
        return given().baseUri(recommendation.baseUrl()).header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/recommendation/metrics/next-best-actions").then().statusCode(200);
    }
}
