package org.retailcx.clv.events;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.ModelVersionAnnouncer;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.ml.ModelVersionTrained;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tells personalization-service's model registry about a CLV model version, through the outbox in the fit's or the
 * activation's transaction: {@code retailcx.clv.model-version.trained.v1} when a version is fitted, again with
 * {@code active = true} when it is activated, and for the version it replaces with {@code active = false}. Subject
 * and key are the model id. The event is read from {@code gold.dim_clv_model}, so lineage (calibration window and
 * the code version stored at fit time) is the same in every event of a version, as the registry demands.
 */
@ApplicationScoped
public class ModelVersionEvents {

    /** The registry's id of the CLV model (personalization-service's {@code PersonalizationSources.CLV_MODEL}). */
    public static final String MODEL_ID = "clv.customer-lifetime-value";
    static final String MODEL_TYPE = "bg-nbd-gamma-gamma";
    static final String NAME = "Customer lifetime value (BG/NBD + Gamma-Gamma)";

    private final ModelVersionAnnouncer announcer;

    public ModelVersionEvents(ModelVersionAnnouncer announcer) {
        this.announcer = announcer;
    }

    /** What a version fitted now records as its code version. */
    public String codeVersion() {
        return announcer.codeVersion();
    }

    public Uni<Void> announce(SqlConnection tx, int version) {
        return tx.preparedQuery("""
                select clv_model_version, fitted_at, active, calibration_start, calibration_end, segment,
                    coalesce(code_version, $2), bgnbd_r, bgnbd_alpha, bgnbd_a, bgnbd_b, bgnbd_log_likelihood,
                    gg_p, gg_q, gg_gamma, gg_log_likelihood, customers, repeat_customers, fit_millis
                from gold.dim_clv_model where clv_model_version = $1""")
                .execute(Tuple.of(version, announcer.codeVersion()))
                .chain(rows -> {
                    Row m = rows.iterator().next();
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    String[] names = { "bgNbdR", "bgNbdAlpha", "bgNbdA", "bgNbdB", "bgNbdLogLikelihood",
                            "gammaGammaP", "gammaGammaQ", "gammaGammaGamma", "gammaGammaLogLikelihood" };
                    for (int i = 0; i < names.length; i++) {
                        metrics.put(names[i], m.getDouble(7 + i));
                    }
                    metrics.put("customers", m.getInteger(16).doubleValue());
                    metrics.put("repeatCustomers", m.getInteger(17).doubleValue());
                    metrics.put("fitSeconds", m.getLong(18) / 1000.0);
                    String segment = m.getString(5);
                    String dataset = "clv silver.customer_transaction " + m.getLocalDate(3) + ".." + m.getLocalDate(4)
                            + (segment == null ? ", all customers" : ", segment " + segment);
                    ModelVersionTrained event = new ModelVersionTrained(MODEL_ID, NAME, MODEL_TYPE, version,
                            m.getOffsetDateTime(1), dataset, m.getString(6), metrics, m.getBoolean(2));
                    return announcer.announce(tx, EventCatalog.CLV_MODEL_VERSION_TRAINED, event);
                });
    }
}
