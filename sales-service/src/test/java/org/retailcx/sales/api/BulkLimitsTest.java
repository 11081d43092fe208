package org.retailcx.sales.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The batch limits the README promises: 200,000 records in one batch succeed with bounded memory (the body is
 * streamed), and a body above {@code retailcx.bulk.max-body-bytes} gets 413 problem+json before it is read, whether
 * it declares its length or streams without one.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class BulkLimitsTest {

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "retailcx.bulk.max-body-bytes")
    long maxBodyBytes;

    @Test
    void aBatchOf200000RecordsIsAcceptedAndPromoted() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder(200_000 * 120);
        for (int i = 0; i < 200_000; i++) {
            body.append("{\"activityId\":\"ACT-").append(run).append('-').append(i)
                    .append("\",\"activityType\":\"Call\",\"accountId\":\"ACC-").append(i % 5000)
                    .append("\",\"outcome\":\"Connected\",\"durationMinutes\":").append(i % 60).append("}\n");
        }
        JsonPath receipt = given().header("Authorization", TestTokens.bearer("service"))
                .header("Prefer", "respond-async").contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/sales/activities/batch")
                .then().statusCode(202).body("records", equalTo(200_000)).body("status", equalTo("accepted"))
                .extract().jsonPath();
        String batchId = receipt.getString("batchId");
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"accepted".equals(receiptOf(batchId).getString("status")));
        JsonPath promoted = receiptOf(batchId);
        assertEquals("promoted", promoted.getString("status"));
        assertEquals(200_000, promoted.getInt("accepted") + promoted.getInt("quarantined"));
        given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/sales/activities/ACT-" + run + "-199999/history")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].receivedBy", equalTo("test-user"));
    }

    /** Chunks after the bad record are only checked: the whole batch is refused, and nothing of it is written. */
    @Test
    void aValueBeyondItsColumnEarlyInALongBatchRefusesTheBatch() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            body.append("{\"opportunityId\":\"RANGE-").append(run).append('-').append(i)
                    .append("\",\"accountId\":\"ACC-1\",\"stage\":\"Prospecting\",\"amount\":")
                    .append(i == 1 ? "1e30" : "100").append("}\n");
        }
        given().header("Authorization", TestTokens.bearer("service")).contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/sales/opportunities/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[1].amount"));
        for (int i : new int[] { 0, 4_999 }) {
            given().header("Authorization", TestTokens.bearer("sales-manager"))
                    .when().get("/api/v1/sales/opportunities/RANGE-" + run + "-" + i + "/history").then().statusCode(404);
        }
    }

    private static JsonPath receiptOf(String batchId) {
        return given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/sales/batches/" + batchId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDeclaredBodyAboveTheLimitGets413BeforeItIsSent() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/sales/activities/batch HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + TestTokens.bearer("service") + "\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + (maxBodyBytes + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            assertTrue(status.startsWith("HTTP/1.1 413"), status);
            String contentType = null;
            int length = 0;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                String[] nameValue = header.split(":\\s*", 2);
                if (nameValue[0].equalsIgnoreCase("Content-Type")) {
                    contentType = nameValue[1];
                } else if (nameValue[0].equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(nameValue[1].trim());
                }
            }
            assertEquals("application/problem+json", contentType);
            char[] body = new char[length];
            for (int read = 0; read < length;) {
                read += in.read(body, read, length - read);
            }
            assertTrue(new String(body).contains("\"status\":413"), new String(body));
        }
    }

    @Test
    void aStreamedBodyAboveTheLimitGets413AndWritesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String notes = "x".repeat(3900);
        InputStream endless = new InputStream() {
            private byte[] line = new byte[0];
            private int pos;
            private long index;

            @Override
            public int read() {
                if (pos == line.length) {
                    line = ("{\"activityId\":\"BIG-" + run + "-" + index++ + "\",\"activityType\":\"Call\","
                            + "\"accountId\":\"ACC-1\",\"notes\":\"" + notes + "\"}\n").getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                return line[pos++];
            }
        };
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base.toString()).resolve("/api/v1/sales/activities/batch"))
                .header("Authorization", TestTokens.bearer("service")).header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new LimitedStream(endless, maxBodyBytes + 1_000_000)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/sales/activities/BIG-" + run + "-0/history").then().statusCode(404);
    }

    /** The first {@code limit} bytes of a stream. */
    private static final class LimitedStream extends InputStream {
        private final InputStream in;
        private long left;

        LimitedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws java.io.IOException {
            if (left-- <= 0) {
                return -1;
            }
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }
}
