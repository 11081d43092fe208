package org.retailcx.clv.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.clv.api.AccuracyResponse;
import org.retailcx.clv.model.AccuracyReport;
import org.retailcx.clv.model.BgNbdModel;
import org.retailcx.clv.model.BgNbdParameters;
import org.retailcx.clv.model.GammaGammaModel;
import org.retailcx.clv.model.GammaGammaParameters;
import org.retailcx.clv.model.HoldoutAccuracy;
import org.retailcx.platform.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Predicted vs actual over a holdout window: per customer the model's E[purchases in the window] (BG/NBD,
 * conditional on the calibration summary) against the purchase days the customer actually had, and the same times
 * the Gamma-Gamma expected spend against actual revenue. Population: the customers the version scored.
 */
@ApplicationScoped
public class ModelAccuracy {

    private final Pool pool;

    public ModelAccuracy(Pool pool) {
        this.pool = pool;
    }

    public Uni<AccuracyResponse> evaluate(int version, LocalDate holdoutEnd) {
        return pool.preparedQuery("""
                select calibration_end, bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b, gg_p, gg_q, gg_gamma
                from gold.dim_clv_model where clv_model_version = $1""").execute(Tuple.of(version))
                .chain(models -> {
                    if (models.size() == 0) {
                        throw ProblemException.notFound("No CLV model version " + version);
                    }
                    Row m = models.iterator().next();
                    LocalDate end = m.getLocalDate(0);
                    if (!holdoutEnd.isAfter(end)) {
                        throw ProblemException.invalid("holdoutEnd", "must be after the model's calibration end "
                                + end);
                    }
                    BgNbdModel purchases = new BgNbdModel(new BgNbdParameters(m.getDouble(1), m.getDouble(2),
                            m.getDouble(3), m.getDouble(4)));
                    GammaGammaModel spend = new GammaGammaModel(new GammaGammaParameters(m.getDouble(5),
                            m.getDouble(6), m.getDouble(7)));
                    return pool.preparedQuery("""
                            select f.frequency, f.recency_weeks, f.age_weeks, f.monetary_value,
                                coalesce(h.days, 0), coalesce(h.spend, 0)::float8
                            from gold.fact_customer_value f
                            left join (select customer_id, count(distinct transaction_date) as days, sum(amount) as spend
                                       from silver.customer_transaction
                                       where transaction_date > $2 and transaction_date <= $3
                                       group by customer_id) h using (customer_id)
                            where f.clv_model_version = $1""")
                            .execute(Tuple.of(version, end, holdoutEnd))
                            .emitOn(Infrastructure.getDefaultWorkerPool())
                            .map(rows -> {
                                double weeks = ChronoUnit.DAYS.between(end, holdoutEnd) / 7.0;
                                int n = rows.size(), i = 0;
                                double[] predictedDays = new double[n], actualDays = new double[n],
                                        predictedSpend = new double[n], actualSpend = new double[n];
                                for (Row r : rows) {
                                    int x = r.getInteger(0);
                                    double expected = purchases.expectedPurchases(weeks, x, r.getDouble(1),
                                            r.getDouble(2));
                                    predictedDays[i] = expected;
                                    actualDays[i] = r.getLong(4);
                                    predictedSpend[i] = expected * spend.expectedAverageSpend(x, r.getDouble(3));
                                    actualSpend[i] = r.getDouble(5);
                                    i++;
                                }
                                return new AccuracyResponse(version, end, end.plusDays(1), holdoutEnd, weeks,
                                        metric(HoldoutAccuracy.evaluate(predictedDays, actualDays)),
                                        metric(HoldoutAccuracy.evaluate(predictedSpend, actualSpend)));
                            });
                });
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
