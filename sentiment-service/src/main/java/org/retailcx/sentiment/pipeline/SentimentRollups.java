package org.retailcx.sentiment.pipeline;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Silver trends, gold facts and each customer's current sentiment, recomputed set-based for exactly the (channel,
 * customer, day) cells a promotion touched — the same SQL a rebuild runs over every cell. Only analysed documents in
 * the customer's voice count toward a customer's sentiment; every analysed document counts toward drivers.
 */
@ApplicationScoped
public class SentimentRollups {

    /** The touched cells as a relation {@code k(channel, customer_id, day)} from $1, $2, $3. */
    private static final String KEYS = "(select distinct * from unnest($1::text[], $2::text[], $3::date[]))"
            + " k(channel, customer_id, day)";

    /** Every cell silver holds, for a rebuild. */
    private static final String ALL_KEYS = "(select distinct channel, coalesce(customer_id, '') customer_id,"
            + " occurred_on day from silver.retail_sentiment_unified) k";

    private static final String CLEAR_TRENDS = """
            delete from silver.retail_sentiment_trends t using %1$s
            where t.channel = k.channel and t.customer_id = k.customer_id and t.period_start = k.day""";

    private static final String TRENDS = """
            with docs as (
                select u.* from silver.retail_sentiment_unified u join %1$s on k.channel = u.channel
                    and k.customer_id = coalesce(u.customer_id, '') and k.day = u.occurred_on
                where u.customer_voice and u.status = 'ANALYSED')
            insert into silver.retail_sentiment_trends (customer_id, channel, product, topic, period_start, documents,
                score_sum, mean_score, negative_documents, leave_intents)
            select coalesce(customer_id, ''), channel, coalesce(product, ''), 'all', occurred_on, count(*),
                sum(sentiment_score), avg(sentiment_score), count(*) filter (where sentiment_label = 'negative'),
                count(leave_intent)
            from docs group by 1, 2, 3, 5
            union all
            select coalesce(d.customer_id, ''), d.channel, coalesce(d.product, ''), t.topic, d.occurred_on, count(*),
                sum(t.topic_score), avg(t.topic_score), count(*) filter (where t.topic_score <= -0.1),
                count(d.leave_intent)
            from docs d join silver.retail_topic_analysis t
                on t.channel = d.channel and t.source_record_id = d.source_record_id
            group by 1, 2, 3, 4, 5""";

    private static final String CLEAR_CUSTOMER_FACTS = """
            delete from gold.fact_customer_sentiment f using %1$s, gold.dim_sentiment_source s
            where s.channel = k.channel and f.source_key = s.source_key and f.customer_id = k.customer_id
              and f.date_key = to_char(k.day, 'YYYYMMDD')::integer""";

    private static final String CUSTOMER_FACTS = """
            insert into gold.fact_customer_sentiment (customer_id, date_key, source_key, documents,
                analysed_documents, mean_score, min_score, mean_magnitude, negative_documents, leave_intents)
            select u.customer_id, to_char(u.occurred_on, 'YYYYMMDD')::integer, s.source_key, count(*),
                count(*) filter (where u.status = 'ANALYSED'), avg(u.sentiment_score), min(u.sentiment_score),
                avg(u.magnitude), count(*) filter (where u.sentiment_label = 'negative'), count(u.leave_intent)
            from silver.retail_sentiment_unified u
            join %1$s on k.channel = u.channel and k.customer_id = u.customer_id and k.day = u.occurred_on
            join gold.dim_sentiment_source s on s.channel = u.channel
            where u.customer_voice
            group by 1, 2, 3""";

    private static final String CLEAR_DRIVERS = """
            delete from gold.fact_sentiment_drivers f using (select distinct k.channel, k.day from %1$s) c,
                gold.dim_sentiment_source s
            where s.channel = c.channel and f.source_key = s.source_key
              and f.date_key = to_char(c.day, 'YYYYMMDD')::integer""";

    private static final String DRIVERS = """
            with cells as (select distinct k.channel, k.day from %1$s)
            insert into gold.fact_sentiment_drivers (date_key, source_key, driver_kind, driver, mentions, score_sum,
                negative_mentions)
            select to_char(t.occurred_on, 'YYYYMMDD')::integer, s.source_key, 'topic', t.topic, count(*),
                sum(t.topic_score), count(*) filter (where t.topic_score <= -0.1)
            from silver.retail_topic_analysis t join cells c on c.channel = t.channel and c.day = t.occurred_on
            join gold.dim_sentiment_source s on s.channel = t.channel
            group by 1, 2, 4
            union all
            select to_char(u.occurred_on, 'YYYYMMDD')::integer, s.source_key, 'keyword', kw.keyword, count(*),
                sum(u.sentiment_score), count(*) filter (where u.sentiment_label = 'negative')
            from silver.retail_sentiment_unified u join cells c on c.channel = u.channel and c.day = u.occurred_on
            join gold.dim_sentiment_source s on s.channel = u.channel
            cross join lateral (select distinct lower(k) keyword from unnest(u.keywords) k) kw
            where u.status = 'ANALYSED'
            group by 1, 2, 4""";

    /**
     * A customer's sentiment: the mean score of their analysed customer-voice documents in the 30 days up to their
     * latest one. The label follows the documents' convention (±0.1); a label change records the promotion ($4).
     */
    private static final String STATE = """
            with customers as (select distinct k.customer_id from %1$s where k.customer_id <> ''),
            latest as (
                select u.customer_id, max(u.occurred_at) as_of from silver.retail_sentiment_unified u
                join customers c on c.customer_id = u.customer_id
                where u.customer_voice and u.status = 'ANALYSED' group by 1),
            fresh as (
                select l.customer_id, avg(u.sentiment_score) score, count(*) documents, l.as_of from latest l
                join silver.retail_sentiment_unified u on u.customer_id = l.customer_id and u.customer_voice
                    and u.status = 'ANALYSED' and u.occurred_at > l.as_of - interval '30 days'
                group by l.customer_id, l.as_of)
            insert into silver.customer_sentiment_state as s (customer_id, score, label, documents, as_of)
            select customer_id, score, case when score >= 0.1 then 'positive' when score <= -0.1 then 'negative'
                else 'neutral' end, documents, as_of from fresh
            on conflict (customer_id) do update set previous_score = s.score, previous_label = s.label,
                changed_batch = case when excluded.label <> s.label then $4 else s.changed_batch end,
                score = excluded.score, label = excluded.label, documents = excluded.documents,
                as_of = excluded.as_of, updated_at = now()""";

    /** Recomputes the touched cells; {@code promotion} marks customers whose sentiment label changed. */
    public Uni<Void> refresh(SqlConnection tx, TouchedKeys touched, UUID promotion) {
        if (touched.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple keys = touched.tuple();
        Tuple state = touched.tuple().addValue(promotion);
        // a delete and an insert of the same keys cannot share one statement (both see the statement's snapshot)
        return tx.preparedQuery(CLEAR_TRENDS.formatted(KEYS)).execute(keys)
                .chain(() -> tx.preparedQuery(TRENDS.formatted(KEYS)).execute(keys))
                .chain(() -> tx.preparedQuery(CLEAR_CUSTOMER_FACTS.formatted(KEYS)).execute(keys))
                .chain(() -> tx.preparedQuery(CUSTOMER_FACTS.formatted(KEYS)).execute(keys))
                .chain(() -> tx.preparedQuery(CLEAR_DRIVERS.formatted(KEYS)).execute(keys))
                .chain(() -> tx.preparedQuery(DRIVERS.formatted(KEYS)).execute(keys))
                .chain(() -> tx.preparedQuery(STATE.formatted(KEYS)).execute(state))
                .replaceWithVoid();
    }

    /** Every cell from silver's documents (the derived part of a rebuild); no label change is announced. */
    public Uni<Void> rebuildAll(SqlConnection tx) {
        return tx.query("truncate silver.retail_sentiment_trends, gold.fact_customer_sentiment,"
                + " gold.fact_sentiment_drivers").execute()
                .chain(() -> tx.query(TRENDS.formatted(ALL_KEYS)).execute())
                .chain(() -> tx.query(CUSTOMER_FACTS.formatted(ALL_KEYS)).execute())
                .chain(() -> tx.query(DRIVERS.formatted(ALL_KEYS)).execute())
                .chain(() -> tx.query(STATE.formatted(ALL_KEYS).replace("$4", "s.changed_batch")).execute())
                .replaceWithVoid();
    }
}
