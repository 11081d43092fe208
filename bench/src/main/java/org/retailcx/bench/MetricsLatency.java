package org.retailcx.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.retailcx.synthetic.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Latency of every GET under {@code /api/v1/sales/metrics/}, as sales-service's OpenAPI document lists them (so
 * endpoints added later are measured without touching this class). One client, sequential requests: N warm-up,
 * then M measured; p50 and p99 by nearest rank.
 */
final class MetricsLatency {

    static final String PREFIX = "/api/v1/sales/metrics/";

    record Endpoint(String path, String query) {
    }

    record Latency(Endpoint endpoint, int status, double p50Millis, double p99Millis, double meanMillis) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    MetricsLatency(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * The metric endpoints with the query each is measured with: the period (a quarter of the generated history)
     * unless the endpoint requires from/to, in which case the quarter's first and last day; other required
     * date parameters get the quarter's last day. An endpoint with an optional asOf is measured a second time with
     * asOf = the quarter's last day.
     */
    List<Endpoint> endpoints(String period, String from, String to) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode paths = ApiClient.JSON.readTree(r.body()).path("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext();) {
            String path = it.next();
            JsonNode get = paths.path(path).path("get");
            if (!path.startsWith(PREFIX) || get.isMissingNode() || path.contains("{")) {
                continue;
            }
            Map<String, String> query = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            boolean hasPeriod = false;
            boolean hasAsOf = false;
            for (JsonNode p : get.path("parameters")) {
                if (!"query".equals(p.path("in").asText())) {
                    continue;
                }
                String name = p.path("name").asText();
                hasPeriod |= name.equals("period");
                hasAsOf |= name.equals("asOf");
                if (p.path("required").asBoolean()) {
                    required.add(name);
                }
            }
            if (required.contains("from") || required.contains("to")) {
                query.put("from", from);
                query.put("to", to);
            } else if (hasPeriod) {
                query.put("period", period);
            }
            for (String name : required) {
                query.putIfAbsent(name, name.toLowerCase().contains("date") || name.equalsIgnoreCase("asOf")
                        || name.equalsIgnoreCase("on") ? to : period);
            }
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            endpoints.add(new Endpoint(path, q.toString()));
            if (hasAsOf && !query.containsKey("asOf")) {
                // The as-of variant reads another path (e.g. the daily snapshots instead of the current facts).
                endpoints.add(new Endpoint(path, "asOf=" + to));
            }
        }
        endpoints.sort((a, b) -> (a.path() + a.query()).compareTo(b.path() + b.query()));
        return endpoints;
    }

    Latency measure(Endpoint e, int warmup, int requests) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(e.path() + (e.query().isEmpty() ? "" : "?" + e.query())))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        int status = 0;
        for (int i = 0; i < warmup; i++) {
            status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return new Latency(e, status, nearestRank(millis, 0.50), nearestRank(millis, 0.99),
                Arrays.stream(millis).average().orElse(0));
    }

    static double nearestRank(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
