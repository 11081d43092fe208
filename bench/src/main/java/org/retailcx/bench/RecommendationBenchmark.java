package org.retailcx.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.SyntheticBank;
import org.retailcx.synthetic.recommendation.SimulatedCustomers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * recommendation-service over HTTP (bench/run-recommendation starts a suite of its own): the simulated customers'
 * interactions loaded through the bulk API; each algorithm trained through {@code POST /models/train} (the version's
 * fit time and the call's wall time); then serving {@code GET /customers/{id}/recommendations} with a JWT at a fixed
 * rate by {@code hey} (Debian package), its p50/p90/p99 and achieved rate.
 * <pre>
 * RecommendationBenchmark --reco-url URL --data-dir DIR [--customers 2000] [--seed 42]
 *     [--algorithms popularity,sar,item-knn,als,bpr] [--rate 1000] [--seconds 30] [--hey hey] [--label TEXT] [--out FILE]
 * </pre>
 */
public final class RecommendationBenchmark {

    private RecommendationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = new BenchOptions(args);
        URI url = URI.create(o.get("reco-url", "http://localhost:8083"));
        Path dataDir = Path.of(o.get("data-dir", ".data"));
        int customers = o.getInt("customers", 2000);
        long seed = o.getLong("seed", 42);
        int rate = o.getInt("rate", 1000);
        int seconds = o.getInt("seconds", 30);
        List<String> algorithms = List.of(o.get("algorithms", "popularity,sar,item-knn,als,bpr").split(","));
        String token = SyntheticBank.devToken(dataDir, Set.of("admin", "service"));
        ApiClient api = new ApiClient(url, token, "bench");

        var simulated = new SimulatedCustomers(customers, seed);
        List<Map<String, Object>> history = simulated.history(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
        long t0 = System.nanoTime();
        for (int from = 0; from < history.size(); from += 5000) {
            api.postNdjson("/api/v1/recommendation/interactions/batch",
                    history.subList(from, Math.min(from + 5000, history.size())), "bench-reco-" + seed + "-" + from);
        }
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "%,d interactions of %,d customers loaded in %,d ms%n", history.size(), customers,
                loadMillis);

        Map<String, long[]> training = new LinkedHashMap<>();
        int serving = 0;
        for (String algorithm : algorithms) {
            long t = System.nanoTime();
            JsonNode version = api.postJson("/api/v1/recommendation/models/train", Map.of("algorithm", algorithm));
            training.put(algorithm, new long[] { version.path("fitMillis").asLong(), (System.nanoTime() - t) / 1_000_000,
                    version.path("pairs").asLong() });
            if (algorithm.equals("sar") || serving == 0) {
                serving = version.path("version").asInt();
            }
            System.out.printf(Locale.ROOT, "trained %s: version %d, fit %d ms%n", algorithm, version.path("version").asInt(),
                    version.path("fitMillis").asLong());
        }
        JsonNode active = api.postJson("/api/v1/recommendation/models/" + serving + "/activate", Map.of());
        String customer = SimulatedCustomers.customerId(0);
        String path = "/api/v1/recommendation/customers/" + customer + "/recommendations?k=10&context=Homepage";
        for (int i = 0; i < 200; i++) { // warm-up: JIT, pools, the version in the model cache
            api.get(path);
        }
        int workers = Math.max(1, rate / 100);
        List<String> command = List.of(o.get("hey", "hey"), "-z", seconds + "s", "-c", Integer.toString(workers),
                "-q", Integer.toString(Math.max(1, rate / workers)), "-H", "Authorization: Bearer " + token,
                url.resolve(path).toString());
        Process hey = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(hey.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(line -> output.append(line).append('\n'));
        }
        if (hey.waitFor() != 0) {
            throw new IllegalStateException("hey failed:\n" + output);
        }
        String text = output.toString();

        StringBuilder md = new StringBuilder();
        md.append("# recommendation-service benchmark\n\n").append(o.get("label", "")).append("\n\n")
                .append(String.format(Locale.ROOT, "%,d simulated customers (seed %d), %,d interactions, loaded through"
                        + " `POST /interactions/batch` in %,d ms.%n%n", customers, seed, history.size(), loadMillis))
                .append("| algorithm | pairs | fit ms (version's fitMillis) | POST /models/train wall ms |\n|---|---|---|---|\n");
        training.forEach((a, t) -> md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |%n", a, t[2], t[0], t[1])));
        md.append(String.format(Locale.ROOT, "%nServing version %d (%s), `GET %s` with a JWT, `hey -z %ds -c %d -q %d`"
                + " (target %d requests/s):%n%n", serving, active.path("algorithm").asText(), path, seconds, workers,
                Math.max(1, rate / workers), rate));
        md.append("| requests/s | p50 ms | p90 ms | p99 ms | non-200 |\n|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| %.0f | %.2f | %.2f | %.2f | %s |%n", number(text, "Requests/sec:\\s+([0-9.]+)"),
                1000 * number(text, "50%+ in ([0-9.]+) secs"), 1000 * number(text, "90%+ in ([0-9.]+) secs"),
                1000 * number(text, "99%+ in ([0-9.]+) secs"), nonOk(text)));
        md.append("\n<details><summary>hey output</summary>\n\n```\n").append(text.strip()).append("\n```\n</details>\n");
        o.report(md);
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** hey's status code distribution, without the 200s. */
    private static String nonOk(String text) {
        List<String> other = new ArrayList<>();
        Matcher m = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses").matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("200")) {
                other.add(m.group(1) + ": " + m.group(2));
            }
        }
        return other.isEmpty() ? "0" : String.join(", ", other);
    }
}
