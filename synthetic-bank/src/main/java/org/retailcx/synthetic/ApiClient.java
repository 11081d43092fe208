package org.retailcx.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Sends generated records to a service through its public REST API, the way a CRM connector would. */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI baseUri;
    private final String bearerToken;
    private final String sourceSystem;

    public ApiClient(URI baseUri, String bearerToken) {
        this(baseUri, bearerToken, null);
    }

    /** {@code sourceSystem} goes out as X-Source-System, so bronze rows name where they came from. */
    public ApiClient(URI baseUri, String bearerToken, String sourceSystem) {
        this.baseUri = baseUri;
        this.bearerToken = bearerToken;
        this.sourceSystem = sourceSystem;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** POSTs the records as one NDJSON batch (all-or-nothing on the server) under an idempotency key. */
    public JsonNode postNdjson(String path, List<?> records, String idempotencyKey) {
        return postNdjson(path, records, idempotencyKey, false);
    }

    /**
     * As {@link #postNdjson(String, List, String)}; with {@code async} the server answers once bronze holds the batch
     * ({@code Prefer: respond-async}, 202) and its receipt tells when silver and gold are current.
     */
    public JsonNode postNdjson(String path, List<?> records, String idempotencyKey, boolean async) {
        return postNdjson(path, ndjson(records), idempotencyKey, async);
    }

    /** As {@link #postNdjson(String, List, String, boolean)} with the body already rendered by {@link #ndjson}. */
    public JsonNode postNdjson(String path, byte[] body, String idempotencyKey, boolean async) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (async) {
            request.header("Prefer", "respond-async");
        }
        return send(request.build());
    }

    /** The records as an NDJSON body: one JSON object a line. */
    public static byte[] ndjson(List<?> records) {
        StringBuilder body = new StringBuilder(records.size() * 256);
        try {
            for (Object r : records) {
                body.append(JSON.writeValueAsString(r)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    public JsonNode postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)).build());
    }

    public JsonNode putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)).build());
    }

    public JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json");
        if (sourceSystem != null) {
            builder.header("X-Source-System", sourceSystem);
        }
        return builder;
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new ApiException(request.method() + " " + request.uri() + " -> " + response.statusCode()
                        + ": " + response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }
}
