package org.retailcx.sales.reliability;

import static io.restassured.RestAssured.given;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Reads {@code /q/health/ready} as a probe would, and requires every answer within a second. */
final class Readiness {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    /** One answer: the overall status and each check by name. */
    record Answer(String status, Map<String, Map<String, Object>> checks, Duration took) {
        String statusOf(String check) {
            Map<String, Object> c = checks.get(check);
            return c == null ? null : (String) c.get("status");
        }

        Object dataOf(String check, String field) {
            Object data = checks.get(check).get("data");
            return data == null ? null : ((Map<?, ?>) data).get(field);
        }
    }

    private Readiness() {
    }

    static Answer ask() {
        Answer answer = askUntimed();
        assertTrue(answer.took().compareTo(ANSWER_WITHIN) < 0, "readiness answered in " + answer.took().toMillis()
                + " ms");
        return answer;
    }

    /** For the first calls of a test, which also warm up the client and the endpoint. */
    static Answer askUntimed() {
        long t0 = System.nanoTime();
        Response response = given().when().get("/q/health/ready");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        JsonPath json = response.jsonPath();
        List<Map<String, Object>> checks = json.getList("checks");
        Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
        checks.forEach(c -> byName.put((String) c.get("name"), c));
        return new Answer(json.getString("status"), byName, took);
    }

    /** Asks until an answer matches; fails after {@code timeout}. Every answer must come within a second. */
    static Answer awaitAnswer(Predicate<Answer> match, Duration timeout, String what) {
        return awaitAnswer(match, timeout, what, true);
    }

    /** Before an outage: waits for the service to be ready, without timing the (first, cold) answers. */
    static Answer awaitReady() {
        return awaitAnswer(a -> "UP".equals(a.status()), Duration.ofSeconds(30), "UP before the outage", false);
    }

    private static Answer awaitAnswer(Predicate<Answer> match, Duration timeout, String what, boolean timed) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last;
        do {
            last = timed ? ask() : askUntimed();
            if (match.test(last)) {
                return last;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("readiness did not show " + what + " within " + timeout + "; last: " + last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
