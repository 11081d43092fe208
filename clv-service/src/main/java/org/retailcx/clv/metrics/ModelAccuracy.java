package org.retailcx.clv.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.clv.api.AccuracyResponse;
import org.retailcx.clv.api.AccuracyResponse.CustomerAccuracy;
import org.retailcx.clv.model.AccuracyReport;
import org.retailcx.clv.model.BgNbdModel;
import org.retailcx.clv.model.BgNbdParameters;
import org.retailcx.clv.model.GammaGammaModel;
import org.retailcx.clv.model.GammaGammaParameters;
import org.retailcx.clv.model.HoldoutAccuracy;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Predicted vs actual over a holdout window: per customer the model's E[purchases in the window] (BG/NBD,
 * conditional on the calibration summary) against the purchase days the customer actually had (zero-amount ones
 * included, as in calibration), and the same times the Gamma-Gamma expected spend against actual revenue.
 * Population: the customers the version scored. Totals and deciles over all of them, or the customers themselves
 * in pages.
 */
@ApplicationScoped
public class ModelAccuracy {

    /** Per scored customer: the calibration summary and the holdout's purchase days and spend. */
    private static final String OUTCOMES = """
            select f.customer_id, f.frequency, f.recency_weeks, f.age_weeks, f.monetary_value, f.spend_days,
                coalesce(h.days, 0), coalesce(h.spend, 0)::float8
            from gold.fact_customer_value f
            left join (select customer_id, count(distinct transaction_date) as days, sum(amount) as spend
                       from silver.customer_transaction
                       where transaction_date > $2 and transaction_date <= $3
                       group by customer_id) h using (customer_id)
            where f.clv_model_version = $1""";

    private static final String CUSTOMER_PAGE = """
            select f.customer_id, f.frequency, f.recency_weeks, f.age_weeks, f.monetary_value, f.spend_days,
                h.days, h.spend
            from gold.fact_customer_value f
            cross join lateral (select count(distinct t.transaction_date) as days,
                                       coalesce(sum(t.amount), 0)::float8 as spend
                                from silver.customer_transaction t
                                where t.customer_id = f.customer_id and t.transaction_date > $2
                                  and t.transaction_date <= $3) h
            where f.clv_model_version = $1 and ($4::text is null or f.customer_id > $4)
            order by f.customer_id limit $5""";

    private final Pool pool;

    public ModelAccuracy(Pool pool) {
        this.pool = pool;
    }

    /** A version's models and its holdout window. */
    private record Window(int version, LocalDate calibrationEnd, LocalDate holdoutEnd, double weeks,
            BgNbdModel purchases, GammaGammaModel spend) {

        CustomerAccuracy predict(Row r) {
            int x = r.getInteger(1);
            double expected = purchases.expectedPurchases(weeks, x, r.getDouble(2), r.getDouble(3));
            return new CustomerAccuracy(r.getString(0), x, r.getDouble(2), r.getDouble(3), expected,
                    r.getLong(6), expected * spend.expectedAverageSpend(r.getInteger(5), r.getDouble(4)),
                    r.getDouble(7));
        }
    }

    private Uni<Window> window(int version, LocalDate holdoutEnd) {
        return pool.preparedQuery("""
                select calibration_end, bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b, gg_p, gg_q, gg_gamma
                from gold.dim_clv_model where clv_model_version = $1""").execute(Tuple.of(version))
                .map(models -> {
                    if (models.size() == 0) {
                        throw ProblemException.notFound("No CLV model version " + version);
                    }
                    Row m = models.iterator().next();
                    LocalDate end = m.getLocalDate(0);
                    if (!holdoutEnd.isAfter(end)) {
                        throw ProblemException.invalid("holdoutEnd", "must be after the model's calibration end "
                                + end);
                    }
                    return new Window(version, end, holdoutEnd, ChronoUnit.DAYS.between(end, holdoutEnd) / 7.0,
                            new BgNbdModel(new BgNbdParameters(m.getDouble(1), m.getDouble(2), m.getDouble(3),
                                    m.getDouble(4))),
                            new GammaGammaModel(new GammaGammaParameters(m.getDouble(5), m.getDouble(6),
                                    m.getDouble(7))));
                });
    }

    public Uni<AccuracyResponse> evaluate(int version, LocalDate holdoutEnd) {
        return window(version, holdoutEnd).chain(w -> pool.preparedQuery(OUTCOMES)
                .execute(Tuple.of(version, w.calibrationEnd(), holdoutEnd))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    int n = rows.size(), i = 0;
                    double[] predictedDays = new double[n], actualDays = new double[n],
                            predictedSpend = new double[n], actualSpend = new double[n];
                    for (Row r : rows) {
                        CustomerAccuracy c = w.predict(r);
                        predictedDays[i] = c.predictedPurchases();
                        actualDays[i] = c.actualPurchases();
                        predictedSpend[i] = c.predictedSpend();
                        actualSpend[i] = c.actualSpend();
                        i++;
                    }
                    return new AccuracyResponse(version, w.calibrationEnd(), w.calibrationEnd().plusDays(1),
                            holdoutEnd, w.weeks(), metric(HoldoutAccuracy.evaluate(predictedDays, actualDays)),
                            metric(HoldoutAccuracy.evaluate(predictedSpend, actualSpend)));
                }));
    }

    /** The scored customers one page at a time, by customer id, each with predicted and actual outcomes. */
    public Uni<Page<CustomerAccuracy>> customers(int version, LocalDate holdoutEnd, Integer limit, String cursor) {
        int size = Page.limit(limit);
        String after = Page.after(cursor);
        return window(version, holdoutEnd).chain(w -> pool.preparedQuery(CUSTOMER_PAGE)
                .execute(Tuple.from(new Object[] { version, w.calibrationEnd(), holdoutEnd, after, size + 1 }))
                .map(rows -> {
                    List<CustomerAccuracy> items = new ArrayList<>();
                    for (Row r : rows) {
                        items.add(w.predict(r));
                    }
                    return Page.of(items, size, CustomerAccuracy::customerId);
                }));
    }

    private static AccuracyResponse.Metric metric(AccuracyReport r) {
        return new AccuracyResponse.Metric(r.customers(), finite(r.pearson()), r.meanAbsoluteError(),
                r.totalPredicted(), r.totalActual(), r.totalActual() == 0 ? null : finite(r.totalRelativeError()),
                r.calibration().stream().map(b -> new AccuracyResponse.Bin(b.rank(), b.customers(), b.meanPredicted(),
                        b.meanActual())).toList());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
