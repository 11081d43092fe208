package org.retailcx.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.retailcx.synthetic.ApiClient;
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
        int customers = o.getInt("customers", 100000);
        long seed = o.getLong("seed", 42);
        int batch = o.getInt("batch", 5000);
        ApiClient api = ApiVsCopy.client(o, "clv-url", "http://localhost:8085");

        var data = ClvHistoryGenerator.generate(ClvHistoryGenerator.Settings.cdnowLike(customers, seed));
        String key = "bench-clv-" + seed + "-" + customers + "-";
        for (int from = 0; from < data.customers().size(); from += batch) {
            api.postNdjson("/api/v1/clv/customers/batch",
                    data.customers().subList(from, Math.min(from + batch, data.customers().size())), key + "c" + from);
        }
        List<byte[]> bodies = ApiVsCopy.bodies(data.transactions(), batch);
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

        ApiVsCopy.Result r = ApiVsCopy.run(api, ApiVsCopy.dataDir(o), TRANSACTIONS, bodies, key + "t",
                "bronze.retail_customer_transactions", "transactionId", data.transactions(), false);

        int rows = data.transactions().size();
        StringBuilder md = new StringBuilder();
        md.append("# CLV transactions benchmark ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        md.append(String.format(Locale.ROOT, "- %d CDNOW-like customers (seed %d), %s%n- %s%n%n", customers, seed,
                o.get("label", ""), ApiVsCopy.machine()));
        md.append("API: `POST ").append(TRANSACTIONS).append("`, NDJSON, ").append(batch).append(" records per batch,")
                .append(" sequential, `Prefer: respond-async`, bodies rendered beforehand, after 10 refused warm-up batches (nothing")
                .append(" written); *accepted* = bronze and")
                .append(" ledger committed for every batch, *current* = the last batch promoted (silver transactions")
                .append(" and RFM inputs current). COPY: `copy bench.retail_customer_transactions from stdin (format")
                .append(" csv)` into `(like bronze.retail_customer_transactions including all)`, same rows, CSV")
                .append(" rendered beforehand.\n\n");
        ApiVsCopy.table(md, "transactions", rows, r);

        o.report(md);
    }
}
