package org.retailcx.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.SyntheticBank;

/**
 * journey-service's two runtime figures (issue 15). Timers: {@code --customers} enter a journey that waits
 * {@code --wait} seconds, all from the same instant, so every timer falls due at once; the figure is instances moved
 * on (wait → stage → end) per second from the due instant until the last one ended. Latency: one event a customer at
 * {@code --rate} events/s for {@code --seconds}, each a single {@code PUT} (its occurredAt = the moment it is sent),
 * into a journey whose first node requests a message; the figure is event sent → action.requested acknowledged by
 * the broker (outbox {@code published_at}), p50 and p99.
 */
public final class JourneyBenchmark {

    private JourneyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = new BenchOptions(args);
        URI url = URI.create(o.get("journey-url", "http://localhost:8086"));
        Path dataDir = Path.of(o.get("data-dir", ".data"));
        int customers = o.getInt("customers", 1_000_000);
        int waitSeconds = o.getInt("wait", 600);
        int rate = o.getInt("rate", 1000);
        int seconds = o.getInt("seconds", 60);
        int batch = o.getInt("batch", 5000);
        String token = SyntheticBank.devToken(dataDir, Set.of("admin", "service", "marketing"));
        ApiClient api = new ApiClient(url, token, "bench");
        String run = Long.toString(System.currentTimeMillis(), 36);

        // timers: every customer enters at the same instant and waits the same time
        String timers = "bench-timers-" + run;
        publish(api, timers, """
                {"entry": {"eventType": "bench.%s.enter"}, "admitsUnknownCustomers": true, "start": "wait",
                 "nodes": [{"id": "wait", "type": "wait", "duration": "PT%dS", "next": "waited"},
                           {"id": "waited", "type": "stage", "name": "Waited", "next": "end"},
                           {"id": "end", "type": "end"}]}""".formatted(run, waitSeconds));
        OffsetDateTime entered = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Instant due = entered.plusSeconds(waitSeconds).toInstant();
        long t0 = System.nanoTime();
        for (int from = 0; from < customers; from += batch) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int n = from; n < Math.min(from + batch, customers); n++) {
                events.add(event("T-" + run + "-" + n, "bench." + run + ".enter", "BT-" + run + "-" + n, entered));
            }
            api.postNdjson("/api/v1/journey/events/batch", events, "bench-" + timers + "-" + from);
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d customers waiting (entered in %.1f s); timers due at %s%n", customers,
                loadSeconds, due);
        if (Instant.now().isAfter(due)) {
            throw new IllegalStateException("loading took longer than the wait: raise --wait");
        }
        double firstSeconds;
        double allSeconds;
        long transitions;
        try (Connection db = SalesBenchmark.connect(dataDir, "journey")) {
            db.setAutoCommit(true);
            long first = -1;
            while (true) {
                long ended = count(db, "select count(*) from silver.retail_journey_state_real_time"
                        + " where journey_id = ? and status = 'ENDED'", timers);
                long sinceDue = Instant.now().toEpochMilli() - due.toEpochMilli();
                if (ended > 0 && first < 0) {
                    first = sinceDue;
                }
                if (ended == customers) {
                    allSeconds = sinceDue / 1000.0;
                    break;
                }
                Thread.sleep(200);
            }
            firstSeconds = first / 1000.0;
            // a timer step happens at its own due time: its transitions carry it
            try (PreparedStatement q = db.prepareStatement("select count(*) from silver.journey_transition t"
                    + " join silver.retail_journey_state_real_time s using (instance_id)"
                    + " where s.journey_id = ? and t.occurred_at >= ?")) {
                q.setString(1, timers);
                q.setObject(2, due.atOffset(ZoneOffset.UTC));
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    transitions = r.getLong(1);
                }
            }
        }

        // latency: one event per customer at a steady rate, each its own request
        String latency = "bench-latency-" + run;
        publish(api, latency, """
                {"entry": {"eventType": "bench.%s.ping"}, "admitsUnknownCustomers": true, "start": "say",
                 "nodes": [{"id": "say", "type": "message", "channel": "bench-%s", "template": "hello", "next": "end"},
                           {"id": "end", "type": "end"}]}""".formatted(run, run));
        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(64))
                .build();
        int total = rate * seconds;
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long at = start + (long) (n * 1e9 / rate);
            long sleep = at - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
            String id = "L-" + run + "-" + n;
            String body = ApiClient.JSON.writeValueAsString(event(id, "bench." + run + ".ping", "BL-" + run + "-" + n,
                    OffsetDateTime.now(ZoneOffset.UTC)));
            sent.add(http.sendAsync(HttpRequest.newBuilder(url.resolve("/api/v1/journey/events/" + id))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Prefer", "respond-async").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .thenAccept(r -> {
                        if (r.statusCode() >= 300) {
                            failed.incrementAndGet();
                        }
                    }));
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        Map<String, Double> percentiles = new LinkedHashMap<>();
        long published;
        try (Connection db = SalesBenchmark.connect(dataDir, "journey")) {
            db.setAutoCommit(true);
            String actions = "from platform.outbox where ce_type = 'retailcx.journey.action.requested.v1'"
                    + " and payload->>'journeyKey' = ? and published_at is not null";
            long deadline = System.nanoTime() + 120_000_000_000L;
            do {
                published = count(db, "select count(*) " + actions, latency);
                Thread.sleep(500);
            } while (published < total - failed.get() && System.nanoTime() < deadline);
            try (PreparedStatement q = db.prepareStatement("select percentile_cont(array[0.5, 0.9, 0.99, 1.0])"
                    + " within group (order by extract(epoch from published_at - (payload->>'requestedAt')"
                    + "::timestamptz) * 1000) " + actions)) {
                q.setString(1, latency);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    Double[] p = (Double[]) r.getArray(1).getArray();
                    percentiles.put("p50", p[0]);
                    percentiles.put("p90", p[1]);
                    percentiles.put("p99", p[2]);
                    percentiles.put("max", p[3]);
                }
            }
        }

        StringBuilder md = new StringBuilder();
        md.append("# Journey runtime benchmark ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        md.append(String.format(Locale.ROOT, "- %s%n- machine: %d cores, %s %s, Java %s; client and server on the"
                + " same machine%n%n", o.get("label", ""), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version")));
        md.append("## Timers falling due\n\n");
        md.append(String.format(Locale.ROOT, "%d customers entered a journey with a %d s wait from the same instant"
                + " (%d events through `POST /events/batch`, %d a batch, %.1f s), so every timer fell due at once;"
                + " each fires as one step (wait → stage → end); at most `retailcx.journey.timers.batch` timers fire per"
                + " `retailcx.journey.timers.interval` tick, on one replica.%n%n", customers, waitSeconds,
                customers, batch, loadSeconds));
        md.append("| customers | first ended after due, s | all ended after due, s | instances/s | transitions/s |\n");
        md.append("|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.0f | %.0f |%n%n", customers, firstSeconds,
                allSeconds, customers / allSeconds, transitions / allSeconds));
        md.append("## Event to action\n\n");
        md.append(String.format(Locale.ROOT, "%d events at %d/s (sent in %.1f s, %d failed), each a `PUT /events/{id}`"
                + " with `Prefer: respond-async` from 64 client threads, one new customer each, into a journey whose"
                + " first node requests a message; latency = the event's occurredAt (when it was sent) → the"
                + " action.requested outbox row acknowledged by the broker (`published_at`); %d of %d published.%n%n",
                total, rate, sendSeconds, failed.get(), published, total));
        md.append("| p50 ms | p90 ms | p99 ms | max ms |\n|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %.0f | %.0f | %.0f | %.0f |%n", percentiles.get("p50"),
                percentiles.get("p90"), percentiles.get("p99"), percentiles.get("max")));
        o.report(md);
    }

    private static void publish(ApiClient api, String key, String definition) throws Exception {
        String at = "/api/v1/journey/definitions/" + key + "/versions";
        int version = api.postJson(at, ApiClient.JSON.readTree(definition)).path("version").asInt();
        api.postJson(at + "/" + version + "/publish", Map.of());
    }

    private static Map<String, Object> event(String id, String type, String customer, OffsetDateTime at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", id);
        e.put("eventType", type);
        e.put("customerId", customer);
        e.put("occurredAt", at);
        e.put("data", Map.of());
        return e;
    }

    private static long count(Connection db, String sql, String key) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, key);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
