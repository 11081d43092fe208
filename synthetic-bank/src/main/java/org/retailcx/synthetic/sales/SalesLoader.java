package org.retailcx.synthetic.sales;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.retailcx.synthetic.ApiClient;

/**
 * Loads a {@link SalesDataset} into sales-service through its bulk ingestion API, in dependency order
 * (territories, reps, leads, opportunity versions oldest first, activities, quotes, referrals, costs, reported
 * commissions), in NDJSON batches. Each batch's Idempotency-Key is derived from seed, scale, as-of date, source
 * and batch number, so loading the same dataset again is a no-op on the server.
 */
public final class SalesLoader {

    public static final int DEFAULT_BATCH_SIZE = 5_000;

    /** One source: its bulk path and its records, in the order they must arrive. */
    public record Source(String name, String batchPath, List<?> records) {
    }

    /** What loading one source took. */
    public record Result(String source, int records, int batches, long millis) {
        public double rowsPerSecond() {
            return millis == 0 ? records : records * 1000.0 / millis;
        }
    }

    private final ApiClient sales;
    private final int batchSize;
    private final PrintStream out;

    public SalesLoader(ApiClient sales, int batchSize, PrintStream out) {
        this.sales = sales;
        this.batchSize = batchSize;
        this.out = out;
    }

    /** The nine sources in the order they load. */
    public static List<Source> sources(SalesDataset d) {
        String base = "/api/v1/sales/";
        return List.of(new Source("territories", base + "territories/batch", d.territories()),
                new Source("reps", base + "reps/batch", d.reps()),
                new Source("leads", base + "leads/batch", d.leads()),
                new Source("opportunities", base + "opportunities/batch", d.opportunities()),
                new Source("activities", base + "activities/batch", d.activities()),
                new Source("quotes", base + "quotes/batch", d.quotes()),
                new Source("referrals", base + "referrals/batch", d.referrals()),
                new Source("costs", base + "costs/batch", d.costs()),
                new Source("commissions", base + "commissions/reported/batch", d.reportedCommissions()));
    }

    /**
     * What a load took: per source, until the service accepted every batch (bronze); in all, until silver, gold and
     * the outbox were current for every record (the last batch promoted: promotion keeps arrival order).
     */
    public record Loaded(List<Result> accepted, long currentMillis) {
    }

    public List<Result> loadAll(SalesDataset d) {
        return loadAllAndWait(d).accepted();
    }

    /**
     * Sends every batch with {@code Prefer: respond-async}, then waits until the service has promoted the last. The
     * NDJSON bodies are rendered before the clock starts, as a connector's export file (and COPY's CSV) would be.
     */
    public Loaded loadAllAndWait(SalesDataset d) {
        List<Rendered> rendered = new ArrayList<>();
        for (Source s : sources(d)) {
            rendered.add(render(s));
        }
        long t0 = System.nanoTime();
        List<Result> results = new ArrayList<>();
        String[] last = new String[1];
        for (Rendered r : rendered) {
            results.add(send(r, keyPrefix(d), last));
        }
        if (last[0] != null) {
            awaitPromoted(last[0]);
        }
        long currentMillis = (System.nanoTime() - t0) / 1_000_000;
        out.printf(Locale.ROOT, "  silver, gold and events current for all %d records after %.1f s%n",
                total(results).records(), currentMillis / 1000.0);
        return new Loaded(results, currentMillis);
    }

    /** A source's batches as NDJSON bodies. */
    private record Rendered(Source source, List<byte[]> bodies) {
    }

    private Rendered render(Source source) {
        List<?> records = source.records();
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < records.size(); from += batchSize) {
            bodies.add(ApiClient.ndjson(records.subList(from, Math.min(records.size(), from + batchSize))));
        }
        return new Rendered(source, bodies);
    }

    private void awaitPromoted(String batchId) {
        long deadline = System.nanoTime() + java.time.Duration.ofHours(2).toNanos();
        while (System.nanoTime() < deadline) {
            String status = sales.get("/api/v1/sales/batches/" + batchId).path("status").asText();
            if ("promoted".equals(status)) {
                return;
            }
            if ("failed".equals(status)) {
                throw new IllegalStateException("batch " + batchId + " failed to promote");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("batch " + batchId + " was not promoted within 2 hours");
    }

    public Result load(Source source, String keyPrefix) {
        return load(source, keyPrefix, new String[1]);
    }

    private Result load(Source source, String keyPrefix, String[] lastBatch) {
        return send(render(source), keyPrefix, lastBatch);
    }

    private Result send(Rendered rendered, String keyPrefix, String[] lastBatch) {
        Source source = rendered.source();
        long t0 = System.nanoTime();
        int batches = 0;
        for (byte[] body : rendered.bodies()) {
            lastBatch[0] = sales.postNdjson(source.batchPath(), body, keyPrefix + "-" + source.name() + "-" + batches,
                    true).path("batchId").asText();
            batches++;
        }
        Result r = new Result(source.name(), source.records().size(), batches, (System.nanoTime() - t0) / 1_000_000);
        out.printf(Locale.ROOT, "  %-14s %9d records  %4d batches  %8.1f s  %9.0f rows/s%n", r.source(), r.records(),
                r.batches(), r.millis() / 1000.0, r.rowsPerSecond());
        return r;
    }

    /** Same dataset ⇒ same keys; another seed, scale, as-of date or batch size ⇒ other keys. */
    public String keyPrefix(SalesDataset d) {
        return "synthetic-sales-" + d.seed() + "-" + d.scale().name().replace(':', 'x') + "-" + d.asOf() + "-b" + batchSize;
    }

    public static Result total(List<Result> results) {
        int records = 0;
        int batches = 0;
        long millis = 0;
        for (Result r : results) {
            records += r.records();
            batches += r.batches();
            millis += r.millis();
        }
        return new Result("total", records, batches, millis);
    }
}
