package org.retailcx.scenario;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailcx.testing.TestInfrastructure;
import org.retailcx.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A model trained in one domain appears in personalization's registry by itself: clv-service and
 * personalization-service run as separate processes with separate databases; CDNOW is fitted in clv, and the version
 * with its lineage and parameters reaches the registry through clv's outbox, the real broker and the registry's inbox.
 */
class ModelVersionReachesRegistryIT {

    private static final String MODEL = "clv.customer-lifetime-value";

    private static ServiceProcess clv;
    private static ServiceProcess personalization;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        Path key = infra.publicKeyFile();
        String topicPrefix = infra.freshTopicPrefix() + UUID.randomUUID().toString().substring(0, 8) + ".";
        clv = ServiceProcess.start("clv-service", topicPrefix, key);
        personalization = ServiceProcess.start("personalization-service", topicPrefix, key);
    }

    @AfterAll
    static void stopServices() {
        if (personalization != null) {
            personalization.close();
        }
        if (clv != null) {
            clv.close();
        }
    }

    @Test
    void aClvFitIsRegisteredWithItsLineageAndParameters() throws Exception {
        Path root = Path.of(System.getProperty("retailcx.repository.root", "..")).toAbsolutePath().normalize();
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        StringBuilder ndjson = new StringBuilder();
        int line = 0;
        for (String text : Files.readAllLines(root.resolve("clv-service/src/test/resources/cdnow/CDNOW_sample.txt"),
                StandardCharsets.US_ASCII)) {
            String[] f = text.trim().split("\\s+");
            if (f.length == 5) {
                ndjson.append("""
                        {"transactionId":"CDNOW-%d","customerId":"CD-%s","transactionDate":"%s","amount":%s,\
                        "currency":"USD","product":"music"}
                        """.formatted(++line, f[1], LocalDate.parse(f[2], day), f[4]));
            }
        }
        given().baseUri(clv.baseUrl()).header("Authorization", TestTokens.bearer("service"))
                .contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/clv/transactions/batch").then().statusCode(200).body("accepted", equalTo(6919));
        int version = given().baseUri(clv.baseUrl()).header("Authorization", TestTokens.bearer("data-scientist"))
                .contentType(ContentType.JSON).body("{\"calibrationEnd\":\"1997-09-30\",\"activate\":true}")
                .when().post("/api/v1/clv/models/fit").then().statusCode(201).extract().path("version");

        String path = "/api/v1/personalization/models/" + MODEL + "/versions/" + version;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> registry(path).extract().statusCode() == 200
                        && Boolean.TRUE.equals(registry(path).extract().path("active")));
        // Fader, Hardie & Lee (2005) on CDNOW: r 0.243, alpha 4.414, a 0.793, b 2.426; 2,357 customers
        JsonPath registered = registry(path).statusCode(200)
                .body("trainingDatasetId", containsString("1997-09-30"))
                .body("codeVersion", startsWith("clv-service"))
                .extract().jsonPath();
        assertEquals(2357, registered.getDouble("metrics.customers"));
        assertEquals(0.243, registered.getDouble("metrics.bgNbdR"), 0.0005);
        assertEquals(4.414, registered.getDouble("metrics.bgNbdAlpha"), 0.0005);
        assertEquals(0.793, registered.getDouble("metrics.bgNbdA"), 0.0005);
        assertEquals(2.426, registered.getDouble("metrics.bgNbdB"), 0.0005);
    }

    private static io.restassured.response.ValidatableResponse registry(String path) {
        return given().baseUri(personalization.baseUrl()).header("Authorization", TestTokens.bearer("data-scientist"))
                .when().get(path).then();
    }
}
