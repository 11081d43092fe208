package org.retailcx.sentiment.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.schema.EventCatalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a promotion announces, through the outbox in its transaction, set-based from silver: a text-scored event per
 * analysed document, an at-risk event per document that raised alerts, and a sentiment-changed event per customer
 * whose label changed. Subject and key are the customer id (a social post without a customer: the post's id).
 */
@ApplicationScoped
public class SentimentEvents {

    private final Outbox outbox;

    public SentimentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return events queued */
    public Uni<Integer> announce(SqlConnection tx, String channel, UUID[] batchIds, UUID promotion, int windowDays) {
        Uni<Long> scored = outbox.appendAll(tx, EventCatalog.SENTIMENT_TEXT_SCORED, """
                select coalesce(customer_id, source_record_id) as subject,
                    coalesce(customer_id, source_record_id) as record_key, jsonb_strip_nulls(jsonb_build_object(
                    'channel', channel, 'sourceRecordId', source_record_id, 'customerId', customer_id,
                    'customerVoice', customer_voice, 'occurredAt', occurred_at,
                    'score', round(sentiment_score::numeric, 4), 'label', sentiment_label,
                    'magnitude', round(magnitude::numeric, 4), 'confidence', round(confidence::numeric, 4),
                    'topics', to_jsonb(topics), 'leaveIntent', leave_intent is not null, 'language', language,
                    'modelVersion', model_version)) as data
                from silver.retail_sentiment_unified
                where batch_id = any($1) and channel = $2 and status = 'ANALYSED'
                order by source_record_id""", Tuple.of(batchIds, channel));
        Uni<Long> atRisk = outbox.appendAll(tx, EventCatalog.SENTIMENT_CUSTOMER_AT_RISK, """
                select customer_id as subject, customer_id as record_key, jsonb_strip_nulls(jsonb_build_object(
                    'customerId', customer_id, 'reasons', jsonb_agg(reason order by reason), 'channel', channel,
                    'sourceRecordId', source_record_id, 'score', round(min(score)::numeric, 4),
                    'threshold', min(threshold), 'leaveIntent', min(leave_intent), 'topics', to_jsonb(min(topics)),
                    'occurredAt', min(occurred_at))) as data
                from silver.sentiment_alerts where batch_id = $1
                group by customer_id, channel, source_record_id
                order by customer_id, source_record_id""", Tuple.of(promotion));
        Uni<Long> changed = outbox.appendAll(tx, EventCatalog.SENTIMENT_CUSTOMER_SENTIMENT_CHANGED, """
                select customer_id as subject, customer_id as record_key, jsonb_build_object(
                    'customerId', customer_id, 'previousLabel', previous_label,
                    'previousScore', round(previous_score::numeric, 4), 'label', label,
                    'score', round(score::numeric, 4), 'documents', documents, 'windowDays', $2::integer,
                    'asOf', as_of) as data
                from silver.customer_sentiment_state where changed_batch = $1 and previous_label is not null
                order by customer_id""", Tuple.of(promotion, windowDays));
        return scored.chain(n -> atRisk.map(m -> n + m)).chain(n -> changed.map(m -> (int) (n + m)));
    }
}
