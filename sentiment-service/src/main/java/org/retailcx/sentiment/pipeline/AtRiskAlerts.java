package org.retailcx.sentiment.pipeline;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Flags customers at risk as their texts arrive: an analysed text in the customer's voice that voices intent to
 * leave, or whose score is at or below the threshold, raises an alert per reason (once per text and reason, so a
 * re-sent text does not alert again). The promotion's at-risk events are read from the alerts it raised.
 */
@ApplicationScoped
public class AtRiskAlerts {

    private static final String RAISE = """
            insert into silver.sentiment_alerts (customer_id, channel, source_record_id, reason, score, threshold,
                leave_intent, topics, occurred_at, batch_id)
            select u.customer_id, u.channel, u.source_record_id, r.reason, u.sentiment_score, $3, u.leave_intent,
                u.topics, u.occurred_at, $4
            from silver.retail_sentiment_unified u
            cross join lateral (values ('leave-intent', u.leave_intent is not null),
                                       ('negative-sentiment', u.sentiment_score <= $3)) r(reason, hit)
            where u.batch_id = any($1) and u.channel = $2 and u.customer_voice and u.customer_id is not null
              and u.status = 'ANALYSED' and r.hit
            on conflict (channel, source_record_id, reason) do nothing""";

    private final double threshold;

    public AtRiskAlerts(@ConfigProperty(name = "retailcx.sentiment.at-risk.threshold") double threshold) {
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public Uni<Void> raise(SqlConnection tx, String channel, UUID[] batchIds, UUID promotion) {
        return tx.preparedQuery(RAISE).execute(Tuple.of(batchIds, channel, threshold, promotion)).replaceWithVoid();
    }
}
