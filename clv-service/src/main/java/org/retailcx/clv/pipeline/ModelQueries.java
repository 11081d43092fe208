package org.retailcx.clv.pipeline;

import org.retailcx.clv.api.ModelVersion;

import io.vertx.mutiny.sqlclient.Row;

/** Reading {@code gold.dim_clv_model} rows. */
public final class ModelQueries {

    public static final String SELECT = """
            select m.clv_model_version, m.active, m.fitted_at, m.activated_at, m.trigger, m.segment,
                m.calibration_start, m.calibration_end, m.period_days, m.bgnbd_r, m.bgnbd_alpha, m.bgnbd_a, m.bgnbd_b,
                m.gg_p, m.gg_q, m.gg_gamma, m.bgnbd_log_likelihood, m.bgnbd_evaluations, m.gg_log_likelihood,
                m.gg_evaluations, m.customers, m.repeat_customers, m.fit_millis, m.score_millis,
                m.annual_discount_rate, m.margin, m.lifetime_months,
                (select count(*) from gold.fact_customer_value f where f.clv_model_version = m.clv_model_version)
            from gold.dim_clv_model m""";

    private ModelQueries() {
    }

    public static ModelVersion map(Row r) {
        return new ModelVersion(r.getInteger(0), r.getBoolean(1), r.getOffsetDateTime(2), r.getOffsetDateTime(3),
                r.getString(4), r.getString(5), r.getLocalDate(6), r.getLocalDate(7), r.getInteger(8),
                new ModelVersion.Parameters(
                        new ModelVersion.BgNbd(r.getDouble(9), r.getDouble(10), r.getDouble(11), r.getDouble(12)),
                        new ModelVersion.GammaGamma(r.getDouble(13), r.getDouble(14), r.getDouble(15))),
                new ModelVersion.FitStatistics(r.getDouble(16), r.getInteger(17), r.getDouble(18), r.getInteger(19),
                        r.getInteger(20), r.getInteger(21), r.getLong(22) / 1000.0, r.getLong(23) / 1000.0),
                new ModelVersion.Settings(r.getDouble(24), r.getDouble(25), r.getInteger(26)), r.getLong(27));
    }
}
