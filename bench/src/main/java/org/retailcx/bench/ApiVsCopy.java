package org.retailcx.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.SyntheticBank;

/**
 * One source's records through a service's bulk API next to PostgreSQL's COPY of the same rows (ClvBenchmark,
 * SentimentBenchmark): NDJSON bodies rendered before the clock starts, posted in order with {@code Prefer:
 * respond-async}; *accepted* when the last is in bronze, *current* when it is promoted; then the statements that
 * took the database's time and one COPY of the same records into {@code bench.<table>}.
 */
final class ApiVsCopy {

    /** Milliseconds until every batch was accepted and until the last was promoted; the COPY; top statements. */
    record Result(long acceptedMillis, long currentMillis, SourceTiming copy, String statements) {
    }

    private ApiVsCopy() {
    }

    /** A client with admin + service, signed with the bench suite's development key. */
    static ApiClient client(BenchOptions o, String urlOption, String fallbackUrl) {
        return new ApiClient(java.net.URI.create(o.get(urlOption, fallbackUrl)),
                SyntheticBank.devToken(dataDir(o), Set.of("admin", "service")), "bench");
    }

    static Path dataDir(BenchOptions o) {
        return Path.of(o.get("data-dir", ".data"));
    }

    static List<byte[]> bodies(List<?> records, int batch) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < records.size(); from += batch) {
            bodies.add(ApiClient.ndjson(records.subList(from, Math.min(from + batch, records.size()))));
        }
        return bodies;
    }

    /**
     * Posts {@code bodies} to {@code path} (idempotency keys {@code keyPrefix + i}) and times them, then COPYs
     * {@code records} into a copy of {@code bronzeTable}; with {@code dropCopy} that copy is dropped afterwards.
     */
    static Result run(ApiClient api, Path dataDir, String path, List<byte[]> bodies, String keyPrefix,
            String bronzeTable, String idField, List<?> records, boolean dropCopy) throws Exception {
        String domain = domain(path);
        try (Connection db = SalesBenchmark.connect(dataDir, domain)) {
            boolean withStatements = SalesBenchmark.resetStatementStatistics(db);
            long t0 = System.nanoTime();
            String last = null;
            for (int i = 0; i < bodies.size(); i++) {
                last = api.postNdjson(path, bodies.get(i), keyPrefix + i, true).path("batchId").asText();
            }
            long accepted = (System.nanoTime() - t0) / 1_000_000;
            awaitPromoted(api, path, last);
            long current = (System.nanoTime() - t0) / 1_000_000;
            String statements = withStatements ? SalesBenchmark.topStatements(db) : "";
            System.out.println("the same rows with COPY ...");
            String source = path.split("/")[4];
            SourceTiming copy = new CopyLoader(db).copy(source, bronzeTable, idField, records);
            if (dropCopy) {
                try (Statement s = db.createStatement()) {
                    s.execute("drop table bench." + bronzeTable.substring(bronzeTable.indexOf('.') + 1));
                }
                db.commit();
            }
            return new Result(accepted, current, copy, statements);
        }
    }

    /** The report's machine line. */
    static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores, %s %s, Java %s; client and server on the same machine;"
                + " one client thread", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** The API-vs-COPY table (accepted and current rows) and the statements after it. */
    static void table(StringBuilder md, String what, int rows, Result r) {
        md.append("| what | rows | API s | API rows/s | COPY s | COPY rows/s | COPY ÷ API |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        SalesBenchmark.row(md, what + " **accepted**", rows, r.acceptedMillis(), r.copy().millis());
        SalesBenchmark.row(md, what + " **current**", rows, r.currentMillis(), r.copy().millis());
        md.append('\n').append(r.statements());
    }

    /** Waits on the batch's receipt ({@code GET /api/v1/<domain>/batches/{id}}) until it is promoted. */
    static void awaitPromoted(ApiClient api, String path, String batchId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
        while (System.nanoTime() < deadline) {
            String status = api.get("/api/v1/" + domain(path) + "/batches/" + batchId).path("status").asText();
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

    /** {@code clv} of {@code /api/v1/clv/transactions/batch}. */
    private static String domain(String path) {
        return path.split("/")[3];
    }
}
