package org.retailcx.clv.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.clv.api.FitRequest;
import org.retailcx.clv.api.ModelVersion;
import org.retailcx.clv.events.CustomerValueEvents;
import org.retailcx.clv.events.ModelVersionEvents;
import org.retailcx.clv.model.BgNbdFit;
import org.retailcx.clv.model.BgNbdModel;
import org.retailcx.clv.model.BgNbdParameters;
import org.retailcx.clv.model.ClvCalculator;
import org.retailcx.clv.model.ClvSettings;
import org.retailcx.clv.model.CustomerSummary;
import org.retailcx.clv.model.GammaGammaFit;
import org.retailcx.clv.model.GammaGammaModel;
import org.retailcx.clv.model.GammaGammaParameters;
import org.retailcx.clv.model.ModelFitException;
import org.retailcx.platform.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Fits a CLV model version and scores its customers into gold, in the caller's transaction, so that a failed fit
 * leaves nothing behind:
 * <ol>
 *   <li>silver: repeat-purchase summaries for the calibration end, recomputed set-based from the valid
 *       transactions (purchase days, not purchases);</li>
 *   <li>fit BG/NBD and Gamma-Gamma on the summaries of all customers or of one segment (pure Java, on a worker
 *       thread); too little data → 422;</li>
 *   <li>gold: a {@code dim_clv_model} row and one {@code fact_customer_value} row per customer. The per-customer
 *       work is one {@code INSERT ... SELECT}: Java computes only the discounted expected purchases per distinct
 *       (frequency, age) — the part that needs the hypergeometric series — and PostgreSQL multiplies them by each
 *       customer's closed-form P(alive) and Gamma-Gamma expected spend, and ranks customers into deciles;</li>
 *   <li>optionally activation, which publishes the events (see {@link CustomerValueEvents}).</li>
 * </ol>
 * Every fitted version is announced to the model registry ({@link ModelVersionEvents}), active or not.
 */
@ApplicationScoped
public class ClvModelService {

    private static final Logger LOG = Logger.getLogger(ClvModelService.class);
    public static final int PERIOD_DAYS = 7;
    public static final String INSUFFICIENT_DATA = "urn:retailcx:problem:clv-insufficient-data";
    public static final String FIT_FAILED = "urn:retailcx:problem:clv-fit-failed";

    private final CustomerValueEvents events;
    private final ModelVersionEvents modelEvents;
    private final double defaultDiscountRate;
    private final double defaultMargin;
    private final int defaultLifetimeMonths;

    public ClvModelService(CustomerValueEvents events, ModelVersionEvents modelEvents,
            @ConfigProperty(name = "retailcx.clv.annual-discount-rate", defaultValue = "0.10") double discountRate,
            @ConfigProperty(name = "retailcx.clv.margin", defaultValue = "1.0") double margin,
            @ConfigProperty(name = "retailcx.clv.lifetime-months", defaultValue = "120") int lifetimeMonths) {
        this.events = events;
        this.modelEvents = modelEvents;
        this.defaultDiscountRate = discountRate;
        this.defaultMargin = margin;
        this.defaultLifetimeMonths = lifetimeMonths;
    }

    /** What the Java side hands to the scoring statement. */
    private record Fitted(BgNbdFit purchases, GammaGammaFit spend, int customers, int repeatCustomers,
            LocalDate calibrationStart, Factors factors, long fitMillis) {
    }

    /**
     * Per distinct (frequency, age in days): discounted expected purchases if alive over 12, 36 and lifetime months
     * and expected purchases if alive over 12 months, as arrays for {@code unnest}.
     */
    private record Factors(Integer[] frequency, Integer[] ageDays, Double[] d12, Double[] d36, Double[] dLifetime,
            Double[] expected12) {

        int size() {
            return frequency.length;
        }
    }

    private static long key(int frequency, int ageDays) {
        return ((long) frequency << 32) | ageDays;
    }

    private static Factors factors(java.util.Set<Long> keys, BgNbdModel purchases, GammaGammaModel spend,
            ClvSettings settings) {
        ClvCalculator calculator = new ClvCalculator(purchases, spend, settings);
        int n = keys.size(), i = 0;
        Integer[] frequency = new Integer[n], ageDays = new Integer[n];
        Double[] d12 = new Double[n], d36 = new Double[n], dLifetime = new Double[n], e12 = new Double[n];
        for (long key : keys) {
            frequency[i] = (int) (key >>> 32);
            ageDays[i] = (int) (key & 0xffffffffL);
            double age = ageDays[i] / (double) PERIOD_DAYS;
            double[] d = calculator.discountedPurchasesIfAlive(frequency[i], age);
            d12[i] = d[0];
            d36[i] = d[1];
            dLifetime[i] = d[2];
            e12[i] = purchases.expectedPurchasesIfAlive(12 * settings.periodsPerMonth(), frequency[i], age);
            i++;
        }
        return new Factors(frequency, ageDays, d12, d36, dLifetime, e12);
    }

    public Uni<ModelVersion> fit(SqlConnection tx, FitRequest request, String trigger) {
        double discountRate = request.annualDiscountRate() == null ? defaultDiscountRate : request.annualDiscountRate();
        double margin = request.margin() == null ? defaultMargin : request.margin();
        int lifetimeMonths = request.lifetimeMonths() == null ? defaultLifetimeMonths : request.lifetimeMonths();
        ClvSettings settings = new ClvSettings(discountRate, margin, ClvSettings.WEEKS_PER_MONTH, lifetimeMonths);
        LocalDate end = request.calibrationEnd();
        String segment = request.segment();
        long started = System.nanoTime();
        return tx.query("select pg_advisory_xact_lock(hashtextextended('clv.model-fit', 0))").execute()
                .chain(() -> populationJoins(tx))
                .chain(() -> refreshSummaries(tx, end))
                .chain(() -> tx.preparedQuery("""
                        select s.customer_id, s.frequency, s.recency_days, s.age_days, s.monetary_value,
                            s.first_purchase, s.spend_days
                        from silver.customer_rfm_summary s join silver.customer c using (customer_id)
                        where s.calibration_end = $1 and ($2::text is null or c.segment = $2)""")
                        .execute(Tuple.of(end, segment)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(rows -> LOG.infof("CLV fit: RFM summaries for %s computed in SQL and %d read in %d ms", end,
                        rows.size(), (System.nanoTime() - started) / 1_000_000))
                .map(rows -> fitModels(rows, settings, segment, end))
                .chain(fitted -> tx.query("select coalesce(max(clv_model_version), 0) + 1 from gold.dim_clv_model")
                        .execute()
                        .map(rows -> rows.iterator().next().getInteger(0))
                        .chain(version -> insertModel(tx, version, trigger, segment, end, fitted, settings)
                                .chain(() -> score(tx, version, end, segment, fitted.purchases().parameters(),
                                        fitted.spend().parameters(), fitted.factors(), margin, fitted.customers()))
                                .chain(() -> Boolean.TRUE.equals(request.activate())
                                        ? activate(tx, version).replaceWithVoid()
                                        : modelEvents.announce(tx, version))
                                .chain(() -> find(tx, version))));
    }

    /**
     * A fit or rebuild joins whole populations (summaries, customers, factors, profitability), where hash joins are
     * right. With nested loops allowed, a segment loaded moments before (no statistics yet, so estimated at one
     * customer) got a nested loop that rescanned the summaries for every customer: scoring 8,000 customers took over a
     * minute instead of 0.3 s. For this transaction only.
     */
    private static Uni<Void> populationJoins(SqlConnection tx) {
        return tx.query("set local enable_nestloop = off").execute().replaceWithVoid();
    }

    private Uni<Void> refreshSummaries(SqlConnection tx, LocalDate end) {
        return tx.preparedQuery("delete from silver.customer_rfm_summary where calibration_end = $1")
                .execute(Tuple.of(end))
                .chain(() -> tx.preparedQuery("""
                        insert into silver.customer_rfm_summary (calibration_end, customer_id, frequency, recency_days,
                            age_days, monetary_value, spend_days, first_purchase, last_purchase)
                        select $1, customer_id, count(*) - 1, max(d) - min(d), $1 - min(d),
                            coalesce(avg(total) filter (where d <> first_day and total > 0), 0)::float8,
                            count(*) filter (where d <> first_day and total > 0), min(d), max(d)
                        from (select customer_id, transaction_date as d, sum(amount) as total,
                                     min(transaction_date) over (partition by customer_id) as first_day
                              from silver.customer_transaction where transaction_date <= $1
                              group by customer_id, transaction_date) days
                        group by customer_id""")
                        .execute(Tuple.of(end)))
                .replaceWithVoid();
    }

    private Fitted fitModels(RowSet<Row> rows, ClvSettings settings, String segment, LocalDate end) {
        long started = System.nanoTime();
        List<CustomerSummary> summaries = new ArrayList<>(rows.size());
        LocalDate start = null;
        int repeat = 0;
        for (Row r : rows) {
            int frequency = r.getInteger(1);
            summaries.add(new CustomerSummary(r.getString(0), frequency, r.getInteger(2) / (double) PERIOD_DAYS,
                    r.getInteger(3) / (double) PERIOD_DAYS, r.getDouble(4), r.getInteger(6)));
            repeat += frequency > 0 ? 1 : 0;
            LocalDate first = r.getLocalDate(5);
            start = start == null || first.isBefore(start) ? first : start;
        }
        String population = (segment == null ? "all customers" : "segment " + segment) + " up to " + end;
        BgNbdFit purchases;
        GammaGammaFit spend;
        try {
            purchases = BgNbdModel.fit(summaries);
            spend = GammaGammaModel.fit(summaries);
        } catch (ModelFitException e) {
            LOG.infof("CLV fit refused for %s: %s", population, e.getMessage());
            throw e.reason() == ModelFitException.Reason.INSUFFICIENT_DATA
                    ? ProblemException.unprocessable(INSUFFICIENT_DATA, "Too little data to fit a CLV model",
                            "Cannot fit on " + population + " (" + summaries.size() + " customers, " + repeat
                                    + " with repeat purchases): " + e.getMessage())
                    : ProblemException.unprocessable(FIT_FAILED, "The CLV model could not be fitted",
                            "Cannot fit on " + population + ": " + e.getMessage());
        }
        if (spend.parameters().q() <= 1) {
            throw ProblemException.unprocessable(FIT_FAILED, "The CLV model could not be fitted",
                    "The Gamma-Gamma fit on " + population + " has q = " + spend.parameters().q()
                            + " <= 1: the population's mean spend is unbounded");
        }
        java.util.Set<Long> keys = new java.util.HashSet<>();
        for (CustomerSummary c : summaries) {
            keys.add(key(c.frequency(), (int) Math.round(c.age() * PERIOD_DAYS)));
        }
        Factors factors = factors(keys, purchases.model(), spend.model(), settings);
        int n = factors.size();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("CLV fit on %s: %d customers, %s, %s, %d distinct (x, T), %d ms", population, summaries.size(),
                purchases.parameters(), spend.parameters(), n, millis);
        return new Fitted(purchases, spend, summaries.size(), repeat, start, factors, millis);
    }

    private Uni<Void> insertModel(SqlConnection tx, int version, String trigger, String segment, LocalDate end,
            Fitted f, ClvSettings settings) {
        var bg = f.purchases().parameters();
        var gg = f.spend().parameters();
        return tx.preparedQuery("""
                insert into gold.dim_clv_model (clv_model_version, trigger, segment, calibration_start, calibration_end,
                    calibration_end_key, period_days, bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b, bgnbd_log_likelihood,
                    bgnbd_evaluations, gg_p, gg_q, gg_gamma, gg_log_likelihood, gg_evaluations, customers,
                    repeat_customers, annual_discount_rate, margin, lifetime_months, fit_millis, score_millis,
                    code_version)
                values ($1, $2, $3, $4, $5, to_char($5::date, 'YYYYMMDD')::integer, $6, $7, $8, $9, $10, $11, $12,
                    $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, 0, $24)""")
                .execute(Tuple.from(new Object[] { version, trigger, segment, f.calibrationStart(), end, PERIOD_DAYS,
                        bg.r(), bg.alpha(), bg.a(), bg.b(), f.purchases().logLikelihood(), f.purchases().evaluations(),
                        gg.p(), gg.q(), gg.gamma(), f.spend().logLikelihood(), f.spend().evaluations(), f.customers(),
                        f.repeatCustomers(), settings.annualDiscountRate(), settings.margin(),
                        settings.lifetimeMonths(), f.fitMillis(), modelEvents.codeVersion() }))
                .replaceWithVoid();
    }

    /** Scores the population into gold; {@code expectedCustomers} < 0 skips the count check (a rebuild). */
    private Uni<Void> score(SqlConnection tx, int version, LocalDate end, String segment, BgNbdParameters bg,
            GammaGammaParameters gg, Factors f, double margin, int expectedCustomers) {
        long started = System.nanoTime();
        // the decile ranking sorts the whole population: let it sort in memory (this transaction only)
        return tx.query("set local work_mem = '256MB'").execute().chain(() -> tx.preparedQuery("""
                insert into gold.fact_customer_value (clv_model_version, customer_id, segment, clv_prediction_date,
                    clv_prediction_date_key, frequency, recency_weeks, age_weeks, monetary_value, spend_days,
                    probability_alive,
                    expected_purchases_12mo, expected_spend, predicted_clv_12mo, predicted_clv_36mo,
                    predicted_clv_lifetime, clv_decile, revenue_ytd, cost_to_serve_ytd, profit_margin_ytd)
                with f as (
                    select * from unnest($12::int[], $13::int[], $14::float8[], $15::float8[], $16::float8[],
                        $17::float8[]) f(frequency, age_days, d12, d36, dlife, e12)),
                s as (
                    select s.customer_id, c.segment, s.frequency, s.age_days, s.recency_days::float8 / 7 as recency,
                        s.age_days::float8 / 7 as age, s.monetary_value, s.spend_days
                    from silver.customer_rfm_summary s join silver.customer c using (customer_id)
                    where s.calibration_end = $1 and ($2::text is null or c.segment = $2)),
                scored as (
                    select s.*, f.d12, f.d36, f.dlife, f.e12,
                        case when s.frequency = 0 then 1::float8 else 1 / (1 + exp(least(700::float8,
                            ln($6::float8 / ($7::float8 + s.frequency - 1))
                            + ($4::float8 + s.frequency) * ln(($5::float8 + s.age) / ($5::float8 + s.recency)))))
                        end as p_alive,
                        $8::float8 * ($10::float8 + s.spend_days * s.monetary_value)
                            / ($8::float8 * s.spend_days + $9::float8 - 1) as spend
                    from s join f on f.frequency = s.frequency and f.age_days = s.age_days),
                ytd as (
                    select customer_id, sum(revenue_amount) as revenue, sum(cost_amount) as cost
                    from silver.customer_profitability
                    where as_of_date between date_trunc('year', $1::date)::date and $1::date
                    group by customer_id)
                select $3, v.customer_id, v.segment, $1::date, to_char($1::date, 'YYYYMMDD')::integer, v.frequency,
                    v.recency, v.age, v.monetary_value, v.spend_days, v.p_alive, v.p_alive * v.e12, v.spend,
                    round((v.p_alive * v.spend * $11::float8 * v.d12)::numeric, 2),
                    round((v.p_alive * v.spend * $11::float8 * v.d36)::numeric, 2),
                    round((v.p_alive * v.spend * $11::float8 * v.dlife)::numeric, 2),
                    ntile(10) over (order by v.p_alive * v.spend * v.dlife, v.customer_id),
                    y.revenue, y.cost, ((y.revenue - y.cost) / nullif(y.revenue, 0))::float8
                from scored v left join ytd y using (customer_id)""")
                .execute(Tuple.from(new Object[] { end, segment, version, bg.r(), bg.alpha(), bg.a(), bg.b(), gg.p(),
                        gg.q(), gg.gamma(), margin, f.frequency(), f.ageDays(), f.d12(), f.d36(), f.dLifetime(),
                        f.expected12() })))
                .chain(inserted -> {
                    if (expectedCustomers >= 0 && inserted.rowCount() != expectedCustomers) {
                        throw new IllegalStateException("scored " + inserted.rowCount() + " customers of "
                                + expectedCustomers);
                    }
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    LOG.infof("CLV model version %d scored %d customers in %d ms", version, inserted.rowCount(),
                            millis);
                    return tx.preparedQuery("update gold.dim_clv_model set score_millis = $2 where clv_model_version = $1")
                            .execute(Tuple.of(version, millis));
                })
                .replaceWithVoid();
    }

    /**
     * Rebuilds gold from silver, idempotently: every model version's facts are deleted and scored again with the
     * version's stored parameters and settings over the current silver data (summaries recomputed for its
     * calibration end). Deciles are re-ranked; no events are published. Returns the number of versions rebuilt.
     */
    public Uni<Integer> rebuildGold(SqlConnection tx) {
        return tx.query("select pg_advisory_xact_lock(hashtextextended('clv.model-fit', 0))").execute()
                .chain(() -> populationJoins(tx))
                .chain(() -> tx.query("""
                        select clv_model_version, calibration_end, segment, bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b,
                            gg_p, gg_q, gg_gamma, annual_discount_rate, margin, lifetime_months
                        from gold.dim_clv_model order by clv_model_version""").execute())
                .chain(rows -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Row m : rows) {
                        chain = chain.chain(done -> rescore(tx, m).replaceWith(done + 1));
                    }
                    return chain;
                });
    }

    private Uni<Void> rescore(SqlConnection tx, Row m) {
        int version = m.getInteger(0);
        LocalDate end = m.getLocalDate(1);
        String segment = m.getString(2);
        BgNbdParameters bg = new BgNbdParameters(m.getDouble(3), m.getDouble(4), m.getDouble(5), m.getDouble(6));
        GammaGammaParameters gg = new GammaGammaParameters(m.getDouble(7), m.getDouble(8), m.getDouble(9));
        ClvSettings settings = new ClvSettings(m.getDouble(10), m.getDouble(11), ClvSettings.WEEKS_PER_MONTH,
                m.getInteger(12));
        return refreshSummaries(tx, end)
                .chain(() -> tx.preparedQuery("""
                        select distinct s.frequency, s.age_days
                        from silver.customer_rfm_summary s join silver.customer c using (customer_id)
                        where s.calibration_end = $1 and ($2::text is null or c.segment = $2)""")
                        .execute(Tuple.of(end, segment)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    java.util.Set<Long> keys = new java.util.HashSet<>();
                    for (Row r : rows) {
                        keys.add(key(r.getInteger(0), r.getInteger(1)));
                    }
                    return factors(keys, new BgNbdModel(bg), new GammaGammaModel(gg), settings);
                })
                .chain(factors -> tx.preparedQuery("delete from gold.fact_customer_value where clv_model_version = $1")
                        .execute(Tuple.of(version))
                        .chain(() -> score(tx, version, end, segment, bg, gg, factors, settings.margin(), -1)));
    }

    /**
     * Makes {@code version} the active model: the value APIs read it by default, and its predictions are announced
     * (one {@code predicted} event per scored customer, one {@code decile-changed} event per customer whose decile
     * differs from the previously active version's), and the model registry hears that it is active and that the
     * previous version is not. Activating the active version again changes nothing.
     */
    public Uni<ModelVersion> activate(SqlConnection tx, int version) {
        return tx.query("select pg_advisory_xact_lock(hashtextextended('clv.model-activation', 0))").execute()
                .chain(() -> tx.preparedQuery("""
                        select (select clv_model_version from gold.dim_clv_model where active),
                               exists (select 1 from gold.dim_clv_model where clv_model_version = $1)""")
                        .execute(Tuple.of(version)))
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    Integer previous = row.getInteger(0);
                    if (!row.getBoolean(1)) {
                        throw ProblemException.notFound("No CLV model version " + version);
                    }
                    if (previous != null && previous == version) {
                        return find(tx, version);
                    }
                    return tx.preparedQuery("update gold.dim_clv_model set active = false where active").execute()
                            .chain(() -> tx.preparedQuery("""
                                    update gold.dim_clv_model set active = true, activated_at = now()
                                    where clv_model_version = $1""").execute(Tuple.of(version)))
                            .chain(() -> modelEvents.announce(tx, version))
                            .chain(() -> previous == null ? Uni.createFrom().voidItem()
                                    : modelEvents.announce(tx, previous))
                            .chain(() -> events.announce(tx, version, previous))
                            .chain(() -> find(tx, version));
                });
    }

    public Uni<ModelVersion> find(SqlConnection tx, int version) {
        return tx.preparedQuery(ModelQueries.SELECT + " where m.clv_model_version = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No CLV model version " + version);
                    }
                    return ModelQueries.map(rows.iterator().next());
                });
    }
}
