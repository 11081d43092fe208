package org.retailcx.clv.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.clv.api.ValueViews.CustomerValue;
import org.retailcx.clv.api.ValueViews.Decile;
import org.retailcx.clv.api.ValueViews.HorizonValue;
import org.retailcx.clv.api.ValueViews.ProfitabilityRank;
import org.retailcx.clv.api.ValueViews.Retention;
import org.retailcx.clv.api.ValueViews.Segment;
import org.retailcx.clv.api.ValueViews.Segments;
import org.retailcx.clv.model.BgNbdModel;
import org.retailcx.clv.model.BgNbdParameters;
import org.retailcx.clv.model.ClvCalculator;
import org.retailcx.clv.model.ClvSettings;
import org.retailcx.clv.model.CustomerSummary;
import org.retailcx.clv.model.GammaGammaModel;
import org.retailcx.clv.model.GammaGammaParameters;
import org.retailcx.clv.model.Horizon;
import org.retailcx.clv.model.HorizonEstimate;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Read-side queries over gold (and silver profitability). {@code version} null = the active model version. */
@ApplicationScoped
public class ValueMetrics {

    private static final String VALUE_COLUMNS = """
            customer_id, segment, clv_model_version, clv_prediction_date, predicted_clv_12mo, predicted_clv_36mo,
            predicted_clv_lifetime, clv_decile, probability_alive, expected_purchases_12mo, expected_spend, frequency,
            recency_weeks, age_weeks, revenue_ytd, cost_to_serve_ytd, profit_margin_ytd""";

    private final Pool pool;

    public ValueMetrics(Pool pool) {
        this.pool = pool;
    }

    private record Version(int version, LocalDate predictionDate) {
    }

    private Uni<Version> resolve(Integer version) {
        return pool.preparedQuery("""
                select clv_model_version, calibration_end from gold.dim_clv_model
                where case when $1::int is null then active else clv_model_version = $1 end""")
                .execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound(version == null ? "No CLV model is active yet"
                                : "No CLV model version " + version);
                    }
                    Row r = rows.iterator().next();
                    return new Version(r.getInteger(0), r.getLocalDate(1));
                });
    }

    /** A customer's value; with a horizon, also the expectations over it, from the version's stored parameters. */
    public Uni<CustomerValue> customerValue(String customerId, Integer version, Horizon horizon) {
        return resolve(version).chain(v -> pool.preparedQuery("select " + VALUE_COLUMNS + """
                , monetary_value, spend_days, m.*
                from gold.fact_customer_value
                cross join (select bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b, gg_p, gg_q, gg_gamma, annual_discount_rate,
                                margin, lifetime_months
                            from gold.dim_clv_model where clv_model_version = $1) m
                where clv_model_version = $1 and customer_id = $2""")
                .execute(Tuple.of(v.version(), customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("CLV model version " + v.version() + " has not scored customer "
                                + customerId);
                    }
                    Row r = rows.iterator().next();
                    CustomerValue value = customerValue(r);
                    return horizon == null ? value : value.withHorizon(atHorizon(r, horizon));
                }));
    }

    private static HorizonValue atHorizon(Row r, Horizon horizon) {
        ClvCalculator calculator = new ClvCalculator(
                new BgNbdModel(new BgNbdParameters(r.getDouble(19), r.getDouble(20), r.getDouble(21), r.getDouble(22))),
                new GammaGammaModel(new GammaGammaParameters(r.getDouble(23), r.getDouble(24), r.getDouble(25))),
                new ClvSettings(r.getDouble(26), r.getDouble(27), ClvSettings.WEEKS_PER_MONTH, r.getInteger(28)));
        HorizonEstimate e = calculator.atHorizon(new CustomerSummary(r.getString(0), r.getInteger(11),
                r.getDouble(12), r.getDouble(13), r.getDouble(17), r.getInteger(18)), horizon);
        return new HorizonValue(horizon.length(), horizon.unit().name().toLowerCase(Locale.ROOT), e.periods(),
                e.expectedPurchases(), e.probabilityAlive(), e.expectedSpend(),
                BigDecimal.valueOf(e.value()).setScale(2, RoundingMode.HALF_UP));
    }

    public Uni<Page<CustomerValue>> values(Integer version, String segment, Integer decile, Integer limit,
            String cursor) {
        int size = Page.limit(limit);
        RankPosition after = RankPosition.after(cursor);
        if (decile != null && (decile < 1 || decile > 10)) {
            throw ProblemException.invalid("decile", "must be between 1 and 10");
        }
        return resolve(version).chain(v -> pool.preparedQuery("select " + VALUE_COLUMNS + """
                 from gold.fact_customer_value
                where clv_model_version = $1 and ($2::text is null or segment = $2)
                  and ($3::int is null or clv_decile = $3)
                  and ($4::numeric is null or predicted_clv_lifetime < $4
                       or (predicted_clv_lifetime = $4 and customer_id > $5))
                order by predicted_clv_lifetime desc, customer_id limit $6""")
                .execute(Tuple.from(new Object[] { v.version(), segment, decile,
                        after == null ? null : after.value(), after == null ? null : after.id(), size + 1 }))
                .map(rows -> {
                    List<CustomerValue> items = new ArrayList<>();
                    for (Row r : rows) {
                        items.add(customerValue(r));
                    }
                    return Page.of(items, size, c -> RankPosition.key(c.predictedClvLifetime(), c.customerId()));
                }));
    }

    public Uni<List<Decile>> deciles(Integer version, String segment) {
        return resolve(version).chain(v -> pool.preparedQuery("""
                select clv_decile, count(*), min(predicted_clv_lifetime), max(predicted_clv_lifetime),
                    round(avg(predicted_clv_lifetime), 2), sum(predicted_clv_lifetime), round(avg(predicted_clv_12mo), 2),
                    avg(probability_alive)
                from gold.fact_customer_value where clv_model_version = $1 and ($2::text is null or segment = $2)
                group by clv_decile order by clv_decile""")
                .execute(Tuple.of(v.version(), segment))
                .map(rows -> {
                    List<Decile> result = new ArrayList<>();
                    for (Row r : rows) {
                        result.add(new Decile(r.getInteger(0), r.getLong(1), r.getBigDecimal(2), r.getBigDecimal(3),
                                r.getBigDecimal(4), r.getBigDecimal(5), r.getBigDecimal(6), r.getDouble(7)));
                    }
                    return result;
                }));
    }

    public Uni<Segments> segments(Integer version) {
        return resolve(version).chain(v -> pool.preparedQuery("""
                with cac as (
                    select customer_id, sum(acquisition_cost) as acquisition from silver.customer_profitability
                    group by customer_id having sum(acquisition_cost) > 0)
                select grouping(coalesce(f.segment, '(none)')) as total, coalesce(f.segment, '(none)'), count(*),
                    round(avg(f.predicted_clv_12mo), 2), round(avg(f.predicted_clv_lifetime), 2),
                    sum(f.predicted_clv_lifetime), avg(f.probability_alive), count(c.acquisition),
                    round(avg(c.acquisition), 2)
                from gold.fact_customer_value f left join cac c using (customer_id)
                where f.clv_model_version = $1
                group by grouping sets ((coalesce(f.segment, '(none)')), ())
                order by 1 desc, 2""")
                .execute(Tuple.of(v.version()))
                .map(rows -> {
                    Segment overall = null;
                    List<Segment> segments = new ArrayList<>();
                    for (Row r : rows) {
                        BigDecimal meanClv = r.getBigDecimal(4);
                        BigDecimal cac = r.getBigDecimal(8);
                        Segment s = new Segment(r.getInteger(0) == 1 ? "(all)" : r.getString(1), r.getLong(2),
                                r.getBigDecimal(3), meanClv, r.getBigDecimal(5), r.getDouble(6), r.getLong(7), cac,
                                cac == null || cac.signum() == 0 ? null
                                        : meanClv.divide(cac, 4, RoundingMode.HALF_EVEN).doubleValue());
                        if (r.getInteger(0) == 1) {
                            overall = s;
                        } else {
                            segments.add(s);
                        }
                    }
                    return new Segments(v.version(), v.predictionDate(), overall, segments);
                }));
    }

    public Uni<Page<ProfitabilityRank>> profitabilityRanking(LocalDate from, LocalDate to, String segment,
            Integer limit, String cursor) {
        int size = Page.limit(limit);
        RankPosition after = RankPosition.after(cursor);
        return pool.preparedQuery("""
                with p as (
                    select customer_id, sum(revenue_amount) as revenue, sum(cost_amount) as cost,
                        sum(profit_amount) as profit, sum(acquisition_cost) as acquisition
                    from silver.customer_profitability
                    where ($1::date is null or as_of_date >= $1) and ($2::date is null or as_of_date <= $2)
                    group by customer_id),
                ranked as (
                    select p.*, c.segment, row_number() over (order by p.profit desc, p.customer_id) as rank
                    from p join silver.customer c using (customer_id)
                    where $3::text is null or c.segment = $3)
                select rank, customer_id, segment, revenue, cost, profit, acquisition from ranked
                where $4::numeric is null or profit < $4 or (profit = $4 and customer_id > $5)
                order by profit desc, customer_id limit $6""")
                .execute(Tuple.from(new Object[] { from, to, segment, after == null ? null : after.value(),
                        after == null ? null : after.id(), size + 1 }))
                .map(rows -> {
                    List<ProfitabilityRank> items = new ArrayList<>();
                    for (Row r : rows) {
                        BigDecimal revenue = r.getBigDecimal(3);
                        BigDecimal profit = r.getBigDecimal(5);
                        items.add(new ProfitabilityRank(r.getLong(0), r.getString(1), r.getString(2), revenue,
                                r.getBigDecimal(4), profit, revenue.signum() == 0 ? null
                                        : profit.divide(revenue, 4, RoundingMode.HALF_EVEN).doubleValue(),
                                r.getBigDecimal(6)));
                    }
                    return Page.of(items, size, p -> RankPosition.key(p.profit(), p.customerId()));
                });
    }

    public Uni<Retention> highValueRetention(Integer version, Integer topDeciles, LocalDate until) {
        int top = topDeciles == null ? 1 : topDeciles;
        if (top < 1 || top > 10) {
            throw ProblemException.invalid("topDeciles", "must be between 1 and 10");
        }
        return resolve(version).chain(v -> {
            LocalDate end = until != null ? until
                    : min(v.predictionDate().plusYears(1), LocalDate.now(ZoneOffset.UTC));
            if (!end.isAfter(v.predictionDate())) {
                throw ProblemException.invalid("until", "must be after the prediction date " + v.predictionDate());
            }
            return pool.preparedQuery("""
                    select count(*), count(*) filter (where exists (
                            select 1 from silver.customer_transaction t where t.customer_id = f.customer_id
                            and t.transaction_date > f.clv_prediction_date and t.transaction_date <= $3)),
                        avg(f.probability_alive)
                    from gold.fact_customer_value f where f.clv_model_version = $1 and f.clv_decile > 10 - $2""")
                    .execute(Tuple.of(v.version(), top, end))
                    .map(rows -> {
                        Row r = rows.iterator().next();
                        long total = r.getLong(0);
                        long retained = r.getLong(1);
                        return new Retention(v.version(), v.predictionDate(), end, top, total, retained,
                                total == 0 ? null : (double) retained / total, r.getDouble(2));
                    });
        });
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static CustomerValue customerValue(Row r) {
        return new CustomerValue(r.getString(0), r.getString(1), r.getInteger(2), r.getLocalDate(3),
                r.getBigDecimal(4), r.getBigDecimal(5), r.getBigDecimal(6), r.getInteger(7), r.getDouble(8),
                r.getDouble(9), r.getDouble(10), r.getInteger(11), r.getDouble(12), r.getDouble(13),
                r.getBigDecimal(14), r.getBigDecimal(15), r.getDouble(16), null);
    }
}
