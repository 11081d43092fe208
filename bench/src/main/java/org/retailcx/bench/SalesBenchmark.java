package org.retailcx.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.SalesIntegrationHooks;
import org.retailcx.synthetic.SyntheticBank;
import org.retailcx.synthetic.sales.SalesDataset;
import org.retailcx.synthetic.sales.SalesLoader;
import org.retailcx.synthetic.sales.SalesOrganisationGenerator;
import org.retailcx.synthetic.sales.SalesScale;

/**
 * The sales benchmark against a running sales-service (bench/run-sales starts one of its own):
 * (a) ingestion: the synthetic organisation through the bulk API, then the same rows by COPY into copies of the
 * bronze tables, rows/s side by side; (b) latency of every metrics endpoint. Writes a Markdown report.
 * <pre>
 * SalesBenchmark --sales-url URL --data-dir DIR [--scale bench] [--seed 42] [--warmup 20] [--requests 200]
 *                [--ingest-warmup 10] [--period 2026-Q3] [--skip-ingestion true] [--label TEXT] [--out FILE]
 * </pre>
 */
public final class SalesBenchmark {

    private SalesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = new BenchOptions(args);
        URI sales = URI.create(o.get("sales-url", "http://localhost:8081"));
        Path dataDir = Path.of(o.get("data-dir", ".data"));
        SalesScale scale = SalesScale.parse(o.get("scale", "bench"));
        long seed = o.getLong("seed", 42);
        int warmup = o.getInt("warmup", 20);
        int requests = o.getInt("requests", 200);
        String period = o.get("period", "2026-Q3");
        int ingestWarmup = o.getInt("ingest-warmup", 10);
        String token = SyntheticBank.devToken(dataDir, Set.of("admin", "service", "sales-manager"));

        StringBuilder md = new StringBuilder();
        md.append("# Sales benchmark ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        md.append(String.format(Locale.ROOT, "- scale `%s` (seed %d), %s%n- machine: %d cores, %s %s, Java %s%n",
                scale.name(), seed, o.get("label", ""), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version")));
        md.append("- client and server on the same machine; one client thread\n\n");

        try (Connection db = connect(dataDir)) {
            if (!Boolean.parseBoolean(o.get("skip-ingestion", "false"))) {
                ingestion(md, db, new ApiClient(sales, token, "bench"), token, seed, scale, ingestWarmup);
            }
        }
        metrics(md, new MetricsLatency(sales, token), period, warmup, requests);

        o.report(md);
    }

    private static void ingestion(StringBuilder md, Connection db, ApiClient api, String token, long seed,
            SalesScale scale, int warmupBatches)
            throws SQLException, IOException {
        if (count(db, "bronze.retail_sales_opportunities") > 0) {
            throw new IllegalStateException("bronze.retail_sales_opportunities is not empty: the ingestion benchmark"
                    + " needs a fresh sales database (bench/run-sales starts one)");
        }
        long t0 = System.nanoTime();
        SalesDataset d = SalesOrganisationGenerator.generate(seed, scale);
        System.out.printf(Locale.ROOT, "generated in %.1f s; loading through the API ...%n", (System.nanoTime() - t0) / 1e9);
        ByteArrayOutputStream hookLog = new ByteArrayOutputStream();
        SalesIntegrationHooks.Context hooks = new SalesIntegrationHooks.Context(api, null, token, d,
                new PrintStream(new TeeStream(hookLog), true, StandardCharsets.UTF_8));
        SalesIntegrationHooks.beforeSources(hooks);
        SalesLoader loader = new SalesLoader(api, SalesLoader.DEFAULT_BATCH_SIZE, System.out);
        warmUp(api, d, warmupBatches);
        boolean statements = resetStatementStatistics(db);
        SalesLoader.Loaded loaded = loader.loadAllAndWait(d);
        String topStatements = statements ? topStatements(db) : "";
        List<SalesLoader.Result> viaApi = loaded.accepted();
        System.out.println("after the load (as ./suite demo does) ...");
        SalesIntegrationHooks.afterSources(hooks);
        System.out.println("loading the same rows with COPY ...");
        CopyLoader copy = new CopyLoader(db);
        List<SourceTiming> viaCopy = new ArrayList<>();
        for (SalesLoader.Source s : SalesLoader.sources(d)) {
            String[] table = CopyLoader.TABLES.get(s.name());
            SourceTiming t = copy.copy(s.name(), table[0], table[1], s.records());
            System.out.printf(Locale.ROOT, "  %-14s %9d rows  %8.1f s  %9.0f rows/s%n", t.source(), t.rows(),
                    t.millis() / 1000.0, t.rowsPerSecond());
            viaCopy.add(t);
        }
        md.append("## Ingestion\n\n");
        md.append("API: `POST /api/v1/sales/<source>/batch`, NDJSON, ").append(SalesLoader.DEFAULT_BATCH_SIZE)
                .append(" records per batch, sequential, `Prefer: respond-async`, the bodies rendered beforehand (not")
                .append(" timed, as the CSV for COPY is), after " + warmupBatches + " refused warm-up batches per source (parsed,")
                .append(" validated, partly inserted and rolled back: nothing written): a batch is accepted once bronze")
                .append(" and its ledger row are committed; the ordered promoter brings silver, gold and the outbox")
                .append(" current behind it. *API s* is the time until every batch was accepted; the **current** row")
                .append(" is the time from the first request until the last batch was promoted.")
                .append(" COPY: `copy bench.<table> from stdin (format csv)` into `create table bench.<table> (like")
                .append(" bronze.<table> including all)`, one statement per source, same rows, typed columns and")
                .append(" JSON payload; the CSV is rendered to a file beforehand (not timed).\n\n");
        md.append("| source | rows | API s | API rows/s | COPY s | COPY rows/s | COPY ÷ API |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        long apiMillis = 0;
        long copyMillis = 0;
        int rows = 0;
        for (int i = 0; i < viaApi.size(); i++) {
            SalesLoader.Result a = viaApi.get(i);
            SourceTiming c = viaCopy.get(i);
            row(md, a.source(), a.records(), a.millis(), c.millis());
            apiMillis += a.millis();
            copyMillis += c.millis();
            rows += a.records();
        }
        row(md, "**total (accepted)**", rows, apiMillis, copyMillis);
        row(md, "**total (silver, gold, outbox current)**", rows, loaded.currentMillis(), copyMillis);
        long bronzeOpps = count(db, "bronze.retail_sales_opportunities");
        long bronzeActivities = count(db, "bronze.retail_sales_activities");
        md.append(String.format(Locale.ROOT, "%nBronze after the API load: %d opportunity versions, %d activities"
                + " (expected %d and %d).%n%n", bronzeOpps, bronzeActivities, d.opportunities().size(),
                d.activities().size()));
        md.append(topStatements);
        md.append("The calls `./suite demo` makes around the load (commission plans before it; lead-scoring training,"
                + " snapshot backfill over the history after it), timed:\n\n```\n")
                .append(hookLog.toString(StandardCharsets.UTF_8)).append("```\n\n");
    }

    static void row(StringBuilder md, String source, int rows, long apiMillis, long copyMillis) {
        double api = rows * 1000.0 / Math.max(1, apiMillis);
        double copy = rows * 1000.0 / Math.max(1, copyMillis);
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.1f | %,.0f | %.1f× |%n", source, rows,
                apiMillis / 1000.0, api, copyMillis / 1000.0, copy, copy / api));
    }

    private static void metrics(StringBuilder md, MetricsLatency latency, String period, int warmup, int requests)
            throws IOException, InterruptedException {
        String[] bounds = quarterBounds(period);
        List<MetricsLatency.Endpoint> endpoints = latency.endpoints(period, bounds[0], bounds[1]);
        md.append("## Metrics latency\n\n");
        md.append(String.format(Locale.ROOT, "Every GET under `%s` in the service's OpenAPI; %d warm-up + %d measured"
                + " sequential requests each; nearest-rank percentiles.%n%n", MetricsLatency.PREFIX, warmup, requests));
        if (endpoints.isEmpty()) {
            md.append("No metrics endpoints in this build's OpenAPI.\n");
            return;
        }
        md.append("| endpoint | query | status | p50 ms | p99 ms | mean ms |\n|---|---|---:|---:|---:|---:|\n");
        for (MetricsLatency.Endpoint e : endpoints) {
            MetricsLatency.Latency l = latency.measure(e, warmup, requests);
            System.out.printf(Locale.ROOT, "  %-50s %d  p50 %.1f ms  p99 %.1f ms%n", e.path(), l.status(), l.p50Millis(),
                    l.p99Millis());
            md.append(String.format(Locale.ROOT, "| `%s` | `%s` | %d | %.1f | %.1f | %.1f |%n", e.path(), e.query(),
                    l.status(), l.p50Millis(), l.p99Millis(), l.meanMillis()));
        }
    }

    /** First and last day of a quarter such as 2026-Q3. */
    static String[] quarterBounds(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = Integer.parseInt(quarter.substring(quarter.length() - 1));
        java.time.LocalDate first = java.time.LocalDate.of(year, 3 * q - 2, 1);
        return new String[] { first.toString(), first.plusMonths(3).minusDays(1).toString() };
    }

    /**
     * Warms the service's accepting path as a long-running service is warm: per source, {@code batches} batches of
     * real records whose last record is invalid, so each is parsed, validated and partly inserted, then refused
     * whole (400) and rolled back — nothing is written.
     */
    private static void warmUp(ApiClient api, SalesDataset d, int batches) {
        for (SalesLoader.Source s : SalesLoader.sources(d)) {
            List<?> records = s.records().subList(0, Math.min(s.records().size(), SalesLoader.DEFAULT_BATCH_SIZE - 1));
            byte[] valid = ApiClient.ndjson(records);
            byte[] body = java.util.Arrays.copyOf(valid, valid.length + 3);
            System.arraycopy("{}\n".getBytes(StandardCharsets.UTF_8), 0, body, valid.length, 3);
            for (int i = 0; i < batches; i++) {
                try {
                    api.postNdjson(s.batchPath(), body, null, true);
                    throw new IllegalStateException("a warm-up batch of " + s.name() + " was accepted");
                } catch (ApiClient.ApiException e) {
                    if (!e.getMessage().contains("-> 400:")) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Starts pg_stat_statements afresh when the server loaded it (bench/run-sales does); false when it did not. */
    static boolean resetStatementStatistics(Connection db) {
        try (var st = db.createStatement()) {
            st.execute("create extension if not exists pg_stat_statements");
            st.execute("select pg_stat_statements_reset()");
            return true;
        } catch (SQLException e) {
            System.out.println("pg_stat_statements unavailable (" + e.getMessage().lines().findFirst().orElse("")
                    + "): no statement statistics");
            return false;
        }
    }

    /** The statements that took the database's time during the API load, as markdown. */
    static String topStatements(Connection db) throws SQLException {
        StringBuilder md = new StringBuilder("""
                Where the database's time went during the API load (`pg_stat_statements`, top 15 by total execution
                time; bronze appends, promotion listeners and the outbox relay all run in this window):

                | statement | calls | total s | mean ms | rows |
                |---|---:|---:|---:|---:|
                """);
        try (var st = db.createStatement(); var rs = st.executeQuery("""
                select regexp_replace(left(query, 110), '\\s+', ' ', 'g'), calls, total_exec_time / 1000,
                       total_exec_time / greatest(calls, 1), rows
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                order by total_exec_time desc limit 15""")) {
            while (rs.next()) {
                md.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f | %.2f | %d |%n",
                        rs.getString(1).replace("|", "\\|").replace("`", "'"), rs.getLong(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getLong(5)));
            }
        }
        return md.append('\n').toString();
    }

    private static long count(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(Path dataDir) throws SQLException {
        return connect(dataDir, "sales");
    }

    /** A connection to a service's database of the suite whose data dir is {@code dataDir}, autocommit off. */
    static Connection connect(Path dataDir, String database) throws SQLException {
        Map<String, String> env = SyntheticBank.envFile(dataDir.resolve("infra.env"));
        String url = String.format("jdbc:postgresql://%s:%s/%s", env.getOrDefault("RETAILCX_PG_HOST", "localhost"),
                env.getOrDefault("RETAILCX_PG_PORT", "55432"), database);
        Connection c = DriverManager.getConnection(url, env.getOrDefault("RETAILCX_PG_USER", "retailcx"),
                env.getOrDefault("RETAILCX_PG_PASSWORD", "retailcx"));
        c.setAutoCommit(false);
        return c;
    }

    /** Writes to the console and keeps a copy for the report. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream copy;

        TeeStream(OutputStream copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            System.out.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            System.out.write(b, off, len);
            copy.write(b, off, len);
        }
    }
}
