package org.retailcx.bench;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.SyntheticBank;
import org.retailcx.synthetic.clv.ClvHistoryGenerator;

/**
 * clv-service's transactions feed through the bulk API next to PostgreSQL's COPY of the same rows into a copy of
 * the bronze table, in one run (bench/run-clv starts a suite of its own). The customers are loaded first (not
 * timed); the NDJSON bodies and the CSV are rendered before their clocks start.
 * <pre>
 * ClvBenchmark --clv-url URL --data-dir DIR [--customers 100000] [--seed 42] [--batch 5000] [--label TEXT] [--out FILE]
 * </pre>
 */
public final class ClvBenchmark {

    private static final String TRANSACTIONS = "/api/v1/clv/transactions/batch";

    private ClvBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = new BenchOptions(args);
        URI url = URI.create(o.get("clv-url", "http://localhost:8085"));
        Path dataDir = Path.of(o.get("data-dir", ".data"));
        int customers = o.getInt("customers", 100000);
        long seed = o.getLong("seed", 42);
        int batch = o.getInt("batch", 5000);
        ApiClient api = new ApiClient(url, SyntheticBank.devToken(dataDir, Set.of("admin", "service")), "bench");

        var data = ClvHistoryGenerator.generate(ClvHistoryGenerator.Settings.cdnowLike(customers, seed));
        String key = "bench-clv-" + seed + "-" + customers + "-";
        for (int from = 0; from < data.customers().size(); from += batch) {
            api.postNdjson("/api/v1/clv/customers/batch",
                    data.customers().subList(from, Math.min(from + batch, data.customers().size())), key + "c" + from);
        }
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < data.transactions().size(); from += batch) {
            bodies.add(ApiClient.ndjson(data.transactions().subList(from, Math.min(from + batch,
                    data.transactions().size()))));
        }
        // warm-up as in SalesBenchmark: real records and a last invalid one, refused whole, nothing written
        byte[] refused = java.util.Arrays.copyOf(bodies.get(0), bodies.get(0).length + 3);
        System.arraycopy("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, refused, bodies.get(0).length, 3);
        for (int i = 0; i < 10; i++) {
            try {
                api.postNdjson(TRANSACTIONS, refused, null, true);
                throw new IllegalStateException("a warm-up batch was accepted");
            } catch (ApiClient.ApiException e) {
                if (!e.getMessage().contains("-> 400:")) {
                    throw e;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d customers loaded; %d transactions through the API ...%n", customers,
                data.transactions().size());

        String statements;
        long acceptedMillis;
        long currentMillis;
        SourceTiming viaCopy;
        try (Connection db = SalesBenchmark.connect(dataDir, "clv")) {
            boolean withStatements = SalesBenchmark.resetStatementStatistics(db);
            long t0 = System.nanoTime();
            String last = null;
            for (int i = 0; i < bodies.size(); i++) {
                last = api.postNdjson(TRANSACTIONS, bodies.get(i), key + "t" + i, true).path("batchId").asText();
            }
            acceptedMillis = (System.nanoTime() - t0) / 1_000_000;
            awaitPromoted(api, last);
            currentMillis = (System.nanoTime() - t0) / 1_000_000;
            statements = withStatements ? SalesBenchmark.topStatements(db) : "";
            System.out.println("the same rows with COPY ...");
            viaCopy = new CopyLoader(db).copy("transactions", "bronze.retail_customer_transactions", "transactionId",
                    data.transactions());
        }

        int rows = data.transactions().size();
        StringBuilder md = new StringBuilder();
        md.append("# CLV transactions benchmark ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        md.append(String.format(Locale.ROOT, "- %d CDNOW-like customers (seed %d), %s%n- machine: %d cores, %s %s,"
                + " Java %s; client and server on the same machine; one client thread%n%n", customers, seed,
                o.get("label", ""), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version")));
        md.append("API: `POST ").append(TRANSACTIONS).append("`, NDJSON, ").append(batch).append(" records per batch,")
                .append(" sequential, `Prefer: respond-async`, bodies rendered beforehand, after 10 refused warm-up batches (nothing")
                .append(" written); *accepted* = bronze and")
                .append(" ledger committed for every batch, *current* = the last batch promoted (silver transactions")
                .append(" and RFM inputs current). COPY: `copy bench.retail_customer_transactions from stdin (format")
                .append(" csv)` into `(like bronze.retail_customer_transactions including all)`, same rows, CSV")
                .append(" rendered beforehand.\n\n");
        md.append("| what | rows | API s | API rows/s | COPY s | COPY rows/s | COPY ÷ API |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        SalesBenchmark.row(md, "transactions **accepted**", rows, acceptedMillis, viaCopy.millis());
        SalesBenchmark.row(md, "transactions **current**", rows, currentMillis, viaCopy.millis());
        md.append('\n').append(statements);

        o.report(md);
    }

    private static void awaitPromoted(ApiClient api, String batchId) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofHours(1).toNanos();
        while (System.nanoTime() < deadline) {
            String status = api.get("/api/v1/clv/batches/" + batchId).path("status").asText();
            if ("promoted".equals(status)) {
                return;
            }
            if ("failed".equals(status)) {
                throw new IllegalStateException("batch " + batchId + " failed to promote");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("batch " + batchId + " was not promoted within an hour");
    }
}
