package org.retailcx.clv.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.retailcx.platform.events.Outbox;
import org.retailcx.schema.EventCatalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Announces a newly active model version's predictions through the outbox, in the activation's transaction:
 * {@code retailcx.clv.customer-value.predicted.v1} for every customer the version scored and
 * {@code retailcx.clv.customer-value.decile-changed.v1} for every customer whose decile differs from the previously
 * active version's. Subject and Kafka key are the customer id.
 *
 * <p>A version may score a million customers, so the events are written with {@link Outbox#appendAll}: one
 * {@code INSERT ... SELECT} that builds each event's JSON from the gold fact row, after the first rows have been
 * checked against the event type's JSON Schema (see its documentation for the reasoning).
 */
@ApplicationScoped
public class CustomerValueEvents {

    private static final Logger LOG = Logger.getLogger(CustomerValueEvents.class);

    private final Outbox outbox;

    public CustomerValueEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<long[]> announce(SqlConnection tx, int version, Integer previousVersion) {
        Uni<Long> predicted = outbox.appendAll(tx, EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED, """
                select customer_id as subject, customer_id as record_key, jsonb_strip_nulls(jsonb_build_object(
                    'customerId', customer_id, 'modelVersion', clv_model_version,
                    'predictionDate', clv_prediction_date, 'predictedClv12mo', predicted_clv_12mo,
                    'predictedClv36mo', predicted_clv_36mo, 'predictedClvLifetime', predicted_clv_lifetime,
                    'decile', clv_decile, 'probabilityAlive', round(probability_alive::numeric, 6),
                    'expectedPurchases12mo', round(expected_purchases_12mo::numeric, 6), 'segment', segment)) as data
                from gold.fact_customer_value where clv_model_version = $1
                order by customer_id""", Tuple.of(version));
        if (previousVersion == null) {
            return predicted.map(n -> {
                LOG.infof("CLV model version %d active: %d predicted events queued", version, n);
                return new long[] { n, 0 };
            });
        }
        return predicted.chain(n -> outbox.appendAll(tx, EventCatalog.CLV_CUSTOMER_VALUE_DECILE_CHANGED, """
                select n.customer_id as subject, n.customer_id as record_key, jsonb_build_object(
                    'customerId', n.customer_id, 'modelVersion', n.clv_model_version,
                    'previousModelVersion', o.clv_model_version, 'previousDecile', o.clv_decile,
                    'decile', n.clv_decile, 'predictionDate', n.clv_prediction_date,
                    'predictedClvLifetime', n.predicted_clv_lifetime) as data
                from gold.fact_customer_value n
                join gold.fact_customer_value o on o.customer_id = n.customer_id and o.clv_model_version = $2
                where n.clv_model_version = $1 and n.clv_decile <> o.clv_decile
                order by n.customer_id""", Tuple.of(version, previousVersion))
                .map(changed -> {
                    LOG.infof("CLV model version %d active (was %d): %d predicted, %d decile-changed events queued",
                            version, previousVersion, n, changed);
                    return new long[] { n, changed };
                }));
    }
}
