package org.retailcx.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.retailcx.infra.DevTokens;
import org.retailcx.synthetic.sales.SalesDataset;
import org.retailcx.synthetic.sales.SalesLoader;
import org.retailcx.synthetic.sales.SalesOrganisationGenerator;
import org.retailcx.synthetic.sales.SalesScale;

/**
 * The synthetic bank's command line.
 * <pre>
 * SyntheticBank load [--sales-url http://localhost:8081] [--clv-url http://localhost:8085] [--data-dir .data]
 *                    [--personalization-url URL] [--recommendation-url URL] [--sentiment-url URL] [--journey-url URL]
 *                    [--token T] [--seed 42] [--scale small|bench|REPS:OPPS:ACTIVITIES] [--as-of 2026-11-20]
 *                    [--batch-size 5000]
 * SyntheticBank describe [--seed 42] [--scale small] [--as-of 2026-11-20]
 * </pre>
 * Without --token, {@code load} mints an admin+service token with the suite's development key in the data dir.
 */
public final class SyntheticBank {

    private static final String USAGE = String.join("\n",
            "usage: SyntheticBank load [--sales-url URL] [--clv-url URL] [--data-dir DIR] [--token T] [--seed N]",
            "                          [--personalization-url URL] [--recommendation-url URL] [--sentiment-url URL]",
            "                          [--journey-url URL]",
            "                          [--scale small|bench|REPS:OPPS:ACTIVITIES] [--as-of YYYY-MM-DD] [--batch-size N]",
            "       SyntheticBank describe [--seed N] [--scale ...] [--as-of YYYY-MM-DD]");

    /** The services after sales and clv whose demo steps run when their {@code --<name>-url} is given. */
    static final List<String> DOMAIN_SERVICES = List.of("personalization", "recommendation", "sentiment", "journey");

    private SyntheticBank() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !List.of("load", "describe").contains(args[0])) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            Map<String, String> opts = options(args);
            SalesDataset dataset = generate(opts, System.out);
            if (args[0].equals("load")) {
                load(dataset, opts, System.out);
            }
        } catch (IllegalArgumentException | ApiClient.ApiException | IllegalStateException e) {
            System.err.println("synthetic-bank: " + e.getMessage());
            System.exit(1);
        }
    }

    static SalesDataset generate(Map<String, String> opts, PrintStream out) {
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        SalesScale scale = SalesScale.parse(opts.getOrDefault("scale", "small"));
        LocalDate asOf = opts.containsKey("as-of") ? LocalDate.parse(opts.get("as-of"))
                : SalesOrganisationGenerator.DEFAULT_AS_OF;
        long t0 = System.nanoTime();
        SalesDataset d = SalesOrganisationGenerator.generate(seed, scale, asOf);
        out.printf(Locale.ROOT, "generated the %s sales organisation (seed %d, %s to %s) in %.1f s:%n", scale.name(),
                seed, d.historyStart(), d.asOf(), (System.nanoTime() - t0) / 1e9);
        for (SalesLoader.Source s : SalesLoader.sources(d)) {
            out.printf(Locale.ROOT, "  %-14s %9d records%n", s.name(), s.records().size());
        }
        return d;
    }

    static void load(SalesDataset dataset, Map<String, String> opts, PrintStream out) {
        URI salesUrl = URI.create(opts.getOrDefault("sales-url", "http://localhost:8081"));
        requireReady(salesUrl, "sales-service");
        String token = opts.containsKey("token") ? opts.get("token")
                : devToken(Path.of(opts.getOrDefault("data-dir", ".data")));
        ApiClient sales = new ApiClient(salesUrl, token, "synthetic-bank");
        SalesIntegrationHooks.Context context = new SalesIntegrationHooks.Context(sales,
                URI.create(opts.getOrDefault("clv-url", "http://localhost:8085")), token, dataset, out);
        out.println("loading into " + salesUrl + " ...");
        SalesIntegrationHooks.beforeSources(context);
        SalesLoader loader = new SalesLoader(sales,
                Integer.parseInt(opts.getOrDefault("batch-size", Integer.toString(SalesLoader.DEFAULT_BATCH_SIZE))), out);
        SalesLoader.Result total = SalesLoader.total(loader.loadAll(dataset));
        out.printf(Locale.ROOT, "  %-14s %9d records  %4d batches  %8.1f s  %9.0f rows/s%n", total.source(),
                total.records(), total.batches(), total.millis() / 1000.0, total.rowsPerSecond());
        SalesIntegrationHooks.afterSources(context);
        Map<String, URI> services = new HashMap<>();
        for (String service : DOMAIN_SERVICES) {
            if (opts.containsKey(service + "-url")) {
                services.put(service, URI.create(opts.get(service + "-url")));
            }
        }
        DomainDemos.run(new DomainDemos.Context(services, token, dataset, out));
        out.println("done. Try: curl -H \"Authorization: Bearer $(./suite token sales-manager)\" "
                + salesUrl.resolve("/api/v1/sales/quarantine?source=opportunities"));
    }

    /** A token for admin + service, signed with the suite's development key (as {@code ./suite token} does). */
    public static String devToken(Path dataDir) {
        return devToken(dataDir, Set.of("admin", "service"));
    }

    /** A token for these roles, signed with the suite's development key in the data dir. */
    public static String devToken(Path dataDir, Set<String> roles) {
        String issuer = envFile(dataDir.resolve("infra.env")).getOrDefault("RETAILCX_JWT_ISSUER",
                DevTokens.DEFAULT_ISSUER);
        return DevTokens.loadOrCreate(dataDir.resolve("jwt"), issuer)
                .mint("synthetic-bank", roles, Duration.ofHours(4));
    }

    /** The variables of the suite's infra.env ({@code export NAME='value'} lines), empty when there is none. */
    public static Map<String, String> envFile(Path file) {
        Map<String, String> vars = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try {
                for (String raw : Files.readAllLines(file)) {
                    String line = raw.startsWith("export ") ? raw.substring("export ".length()) : raw;
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        vars.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replaceAll("^['\"]|['\"]$", ""));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return vars;
    }

    private static void requireReady(URI base, String name) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + " at " + base + " is not ready (health " + r.statusCode() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not running at " + base + " (start the suite: ./suite up)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i] + "\n" + USAGE);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }
}
