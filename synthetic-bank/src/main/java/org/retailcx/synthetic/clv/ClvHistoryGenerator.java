package org.retailcx.synthetic.clv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.clv.ClvRecords.Customer;
import org.retailcx.synthetic.clv.ClvRecords.Profitability;
import org.retailcx.synthetic.clv.ClvRecords.Transaction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Customer transaction histories drawn from a known BG/NBD purchase process with Gamma-Gamma spend (the models
 * clv-service fits), plus monthly profitability rows, so that a fit on the generated data can be checked against
 * the generating parameters and the demo shows sensible CLVs.
 *
 * <p>The process, in weeks (the unit of clv-service's models): customer i is acquired with a first purchase on a day
 * drawn uniformly from the acquisition window, draws a purchase rate λ ~ Gamma(shape r, rate α), a dropout
 * probability p ~ Beta(a, b) and a spend scale ν ~ Gamma(shape q, rate γ); while alive they buy after
 * Exponential(λ) gaps, each purchase worth Gamma(shape p, rate ν), and after every repeat purchase they drop out
 * with probability p. Purchases are recorded by day (two on one day become one purchase day for the model).
 *
 * <p>Reproducible: customer i draws from {@code new SplittableRandom(seed).split()} taken in order, so the same
 * settings give the same data on any JVM, and the first n customers of a larger run equal a run of n customers.
 *
 * <p>Profitability: one row per customer-month with activity: revenue = the month's purchases (split by product
 * into the deposits/loans/cards/fees/wealth breakdown), cost = servicing (2 + 5 % of revenue) + fraud (0.5 % of
 * revenue) + a one-off acquisition cost by channel in the acquisition month; profit = revenue − cost.
 */
public final class ClvHistoryGenerator {

    /** Acquisition channels and their cost per acquired customer (CAC). */
    public static final Map<String, BigDecimal> CHANNEL_CAC = Map.of("branch", new BigDecimal("120.00"),
            "online", new BigDecimal("40.00"), "referral", new BigDecimal("25.00"), "partner", new BigDecimal("80.00"));
    private static final String[] CHANNELS = { "branch", "online", "referral", "partner" };
    private static final String[] PRODUCTS = { "checking", "savings", "loan", "card", "investment" };
    private static final String[] BREAKDOWN = { "fees", "deposits", "loans", "cards", "wealth" };

    /**
     * @param customers        how many customers
     * @param seed             random seed
     * @param customerPrefix   customer ids are prefix + zero-padded index
     * @param segments         segment labels, assigned round-robin (they share one process)
     * @param firstAcquisition first day of the acquisition window
     * @param acquisitionDays  length of the acquisition window in days
     * @param observationEnd   last day of history (must not be after today for clv-service to accept it)
     * @param r                BG/NBD: shape of the purchase rate (per week)
     * @param alpha            BG/NBD: rate (scale parameter, in weeks) of the purchase rate
     * @param a                BG/NBD: dropout Beta a
     * @param b                BG/NBD: dropout Beta b
     * @param p                Gamma-Gamma: shape of a transaction's value
     * @param q                Gamma-Gamma: shape of the spend scale
     * @param gamma            Gamma-Gamma: rate of the spend scale (in currency units)
     * @param currency         ISO 4217 code of every amount
     * @param profitability    whether to generate profitability rows
     */
    public record Settings(int customers, long seed, String customerPrefix, List<String> segments,
            LocalDate firstAcquisition, int acquisitionDays, LocalDate observationEnd, double r, double alpha,
            double a, double b, double p, double q, double gamma, String currency, boolean profitability) {

        public Settings {
            Objects.requireNonNull(customerPrefix, "customerPrefix");
            segments = List.copyOf(segments);
            if (customers < 0 || acquisitionDays < 1 || segments.isEmpty()
                    || !observationEnd.isAfter(firstAcquisition.plusDays(acquisitionDays - 1L))) {
                throw new IllegalArgumentException("invalid generator settings");
            }
            for (double v : new double[] { r, alpha, a, b, p, q, gamma }) {
                if (!(v > 0 && Double.isFinite(v))) {
                    throw new IllegalArgumentException("model parameters must be positive and finite");
                }
            }
        }

        /**
         * CDNOW-like purchase parameters (r 0.243, α 4.414, a 0.793, b 2.426) and spend parameters (p 6.25, q 3.74,
         * γ 15.44): a 12-week acquisition window from 2024-01-01 observed until 2025-06-30, three segments, EUR.
         */
        public static Settings cdnowLike(int customers, long seed) {
            return new Settings(customers, seed, "SYN-", List.of("mass", "affluent", "private"),
                    LocalDate.of(2024, 1, 1), 84, LocalDate.of(2025, 6, 30), 0.243, 4.414, 0.793, 2.426, 6.25, 3.74,
                    15.44, "EUR", true);
        }

        public Settings withCustomerPrefix(String prefix) {
            return new Settings(customers, seed, prefix, segments, firstAcquisition, acquisitionDays, observationEnd,
                    r, alpha, a, b, p, q, gamma, currency, profitability);
        }

        public Settings withSegments(List<String> labels) {
            return new Settings(customers, seed, customerPrefix, labels, firstAcquisition, acquisitionDays,
                    observationEnd, r, alpha, a, b, p, q, gamma, currency, profitability);
        }
    }

    /** Generated records, in the order they are loaded (customers, then transactions, then profitability). */
    public record Dataset(Settings settings, List<Customer> customers, List<Transaction> transactions,
            List<Profitability> profitability) {
    }

    /** What {@link #loadInto} sent and what clv-service answered. */
    public record LoadReport(int customers, int transactions, int profitabilityRows, long acceptedTransactions,
            long quarantined, int requests) {
    }

    private ClvHistoryGenerator() {
    }

    /** Draws the dataset; deterministic for given settings. */
    public static Dataset generate(Settings s) {
        SplittableRandom root = new SplittableRandom(s.seed());
        int width = Math.max(6, String.valueOf(s.customers()).length());
        List<Customer> customers = new ArrayList<>(s.customers());
        List<Transaction> transactions = new ArrayList<>(s.customers() * 2);
        List<Profitability> profitability = new ArrayList<>();
        for (int i = 0; i < s.customers(); i++) {
            SplittableRandom rnd = root.split();
            String id = s.customerPrefix() + String.format("%0" + width + "d", i + 1);
            String channel = CHANNELS[rnd.nextInt(CHANNELS.length)];
            LocalDate first = s.firstAcquisition().plusDays(rnd.nextInt(s.acquisitionDays()));
            customers.add(new Customer(id, s.segments().get(i % s.segments().size()), channel, first));

            double lambda = gamma(rnd, s.r()) / s.alpha();
            double dropout = beta(rnd, s.a(), s.b());
            double nu = gamma(rnd, s.q()) / s.gamma();
            double horizonWeeks = ChronoUnit.DAYS.between(first, s.observationEnd()) / 7.0;
            List<double[]> purchases = new ArrayList<>(); // {week offset, amount}
            purchases.add(new double[] { 0, gamma(rnd, s.p()) / nu });
            double t = 0;
            while (true) {
                t += -Math.log(1 - rnd.nextDouble()) / lambda;
                if (t > horizonWeeks) {
                    break;
                }
                purchases.add(new double[] { t, gamma(rnd, s.p()) / nu });
                if (rnd.nextDouble() < dropout) {
                    break;
                }
            }
            TreeMap<YearMonth, BigDecimal[]> months = new TreeMap<>();
            int n = 0;
            for (double[] purchase : purchases) {
                LocalDate day = first.plusDays((long) Math.floor(purchase[0] * 7));
                if (day.isAfter(s.observationEnd())) {
                    continue;
                }
                BigDecimal amount = BigDecimal.valueOf(Math.max(0.01, purchase[1])).setScale(2, RoundingMode.HALF_UP);
                int product = rnd.nextInt(PRODUCTS.length);
                transactions.add(new Transaction(id + "-T" + (++n), id, day, amount, s.currency(), PRODUCTS[product]));
                BigDecimal[] byProduct = months.computeIfAbsent(YearMonth.from(day), m -> zeros());
                byProduct[product] = byProduct[product].add(amount);
            }
            if (s.profitability()) {
                months.computeIfAbsent(YearMonth.from(first), m -> zeros());
                for (var month : months.entrySet()) {
                    profitability.add(profitabilityRow(s, id, channel, first, month.getKey(), month.getValue()));
                }
            }
        }
        return new Dataset(s, List.copyOf(customers), List.copyOf(transactions), List.copyOf(profitability));
    }

    private static Profitability profitabilityRow(Settings s, String id, String channel, LocalDate acquired,
            YearMonth month, BigDecimal[] byProduct) {
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < BREAKDOWN.length; i++) {
            revenue.put(BREAKDOWN[i], byProduct[i]);
            total = total.add(byProduct[i]);
        }
        BigDecimal acquisition = YearMonth.from(acquired).equals(month) ? CHANNEL_CAC.get(channel) : BigDecimal.ZERO;
        BigDecimal servicing = new BigDecimal("2.00").add(total.multiply(new BigDecimal("0.05")))
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal fraud = total.multiply(new BigDecimal("0.005")).setScale(2, RoundingMode.HALF_UP);
        Map<String, BigDecimal> cost = new LinkedHashMap<>();
        cost.put("acquisition", acquisition);
        cost.put("servicing", servicing);
        cost.put("fraud", fraud);
        cost.put("chargeOffs", BigDecimal.ZERO.setScale(2));
        BigDecimal totalCost = acquisition.add(servicing).add(fraud);
        LocalDate asOf = month.atEndOfMonth().isAfter(s.observationEnd()) ? s.observationEnd() : month.atEndOfMonth();
        return new Profitability(id, asOf, total, totalCost, total.subtract(totalCost), s.currency(), revenue, cost);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[BREAKDOWN.length];
        java.util.Arrays.fill(z, BigDecimal.ZERO.setScale(2));
        return z;
    }

    /**
     * Posts the dataset through clv-service's bulk ingestion ({@code clv} points at its base URL with a token
     * carrying the {@code service} or {@code admin} role): customers, then transactions, then profitability, in
     * NDJSON batches of {@code batchSize}, each under an idempotency key derived from the seed, the customer prefix
     * and the batch, so that a rerun of the same load writes nothing twice.
     */
    public static LoadReport loadInto(ApiClient clv, Dataset data, int batchSize) {
        String key = "synthetic-clv-" + data.settings().seed() + "-" + data.settings().customerPrefix() + "-"
                + data.settings().customers();
        int requests = 0;
        long accepted = 0, quarantined = 0;
        for (int from = 0; from < data.customers().size(); from += batchSize) {
            clv.postNdjson("/api/v1/clv/customers/batch",
                    data.customers().subList(from, Math.min(from + batchSize, data.customers().size())),
                    key + "-customers-" + from);
            requests++;
        }
        for (int from = 0; from < data.transactions().size(); from += batchSize) {
            JsonNode receipt = clv.postNdjson("/api/v1/clv/transactions/batch",
                    data.transactions().subList(from, Math.min(from + batchSize, data.transactions().size())),
                    key + "-transactions-" + from);
            accepted += receipt.path("accepted").asLong();
            quarantined += receipt.path("quarantined").asLong();
            requests++;
        }
        for (int from = 0; from < data.profitability().size(); from += batchSize) {
            JsonNode receipt = clv.postNdjson("/api/v1/clv/profitability/batch",
                    data.profitability().subList(from, Math.min(from + batchSize, data.profitability().size())),
                    key + "-profitability-" + from);
            quarantined += receipt.path("quarantined").asLong();
            requests++;
        }
        return new LoadReport(data.customers().size(), data.transactions().size(), data.profitability().size(),
                accepted, quarantined, requests);
    }

    /** Gamma(shape, rate 1) by Marsaglia and Tsang (2000), boosted for shape &lt; 1. */
    static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) {
            double u = 1 - rnd.nextDouble(); // (0, 1]
            return gamma(rnd, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = rnd.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = 1 - rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a);
        double y = gamma(rnd, b);
        return x / (x + y);
    }
}
