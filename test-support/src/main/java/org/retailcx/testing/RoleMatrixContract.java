package org.retailcx.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the service's API against every suite role, driven by the roles each operation declares in the
 * OpenAPI document (Quarkus lists an endpoint's {@code @RolesAllowed} roles in its security requirement; the
 * medallion endpoints list their source's roles the same way and in {@code x-roles}): without a token → 401, with
 * each role it does not allow → 403, both as problem+json; with a role it allows → neither, nor a 5xx. An operation
 * that declares no roles fails the test. Path parameters are a probe id; bodies are an empty JSON object, so an
 * allowed call is usually refused as invalid (400/404/422), which is all this test needs.
 * <p>
 * A service runs it with a one-line subclass annotated
 * {@code @QuarkusTest @WithTestResource(RealInfrastructureResource.class)}.
 */
public abstract class RoleMatrixContract {

    /** The roles a suite token can carry ({@code ./suite token} refuses any other). */
    public static final List<String> SUITE_ROLES = List.of("sales-rep", "sales-manager", "marketing",
            "data-scientist", "cx-analyst", "admin", "service");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One operation of the document and the roles it declares. */
    record Endpoint(String method, String path, List<String> roles) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyOperationAnswersEachRoleAsItDeclares() {
        List<Endpoint> endpoints = endpoints();
        assertFalse(endpoints.isEmpty(), "the OpenAPI document lists no /api/v1 operations");
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.roles().isEmpty()) {
                failures.add(endpoint + " declares no roles");
                continue;
            }
            expect(failures, endpoint, "no token", call(given(), endpoint), 401);
            boolean oneAllowedWriteSent = false;
            for (String role : SUITE_ROLES) {
                RequestSpecification as = given().header("Authorization", TestTokens.bearer(role));
                if (!endpoint.roles().contains(role)) {
                    expect(failures, endpoint, role, call(as, endpoint), 403);
                } else if (endpoint.method().equals("get") || !oneAllowedWriteSent) {
                    // every allowed role reads; one allowed role writes, so a write runs once
                    oneAllowedWriteSent = true;
                    Response response = call(as, endpoint);
                    int status = response.statusCode();
                    if (status == 401 || status == 403 || status >= 500) {
                        failures.add(endpoint + " as " + role + " (allowed) → " + status + ": " + response.asString());
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " role checks failed:\n" + String.join("\n", failures));
    }

    private static void expect(List<String> failures, Endpoint endpoint, String who, Response response, int status) {
        String type = response.getContentType();
        if (response.statusCode() != status) {
            failures.add(endpoint + " as " + who + " → " + response.statusCode() + ", expected " + status);
        } else if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(endpoint + " as " + who + " → " + status + " without a problem+json body (" + type + ")");
        }
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        String path = endpoint.path().replaceAll("\\{[^}]+}", "ROLE-PROBE");
        if (!endpoint.method().equals("get") && !endpoint.method().equals("delete")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.when().request(endpoint.method().toUpperCase(), path);
    }

    /** The {@code /api/v1} operations of the document with their declared roles. */
    static List<Endpoint> endpoints() {
        JsonNode paths;
        try {
            paths = EventJson.mapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                    .extract().asString()).path("paths");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            var path = it.next();
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    endpoints.add(new Endpoint(op.getKey(), path.getKey(), roles(op.getValue())));
                }
            });
        }
        return endpoints;
    }

    /** The roles an operation declares: its security requirement's scopes, else its {@code x-roles}. */
    static List<String> roles(JsonNode operation) {
        List<String> roles = new ArrayList<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
        }
        if (roles.isEmpty()) {
            operation.path("x-roles").forEach(r -> roles.add(r.asText()));
        }
        return roles;
    }
}
