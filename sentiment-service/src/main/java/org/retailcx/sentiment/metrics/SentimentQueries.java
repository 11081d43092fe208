package org.retailcx.sentiment.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.schema.EventJson;
import org.retailcx.sentiment.metrics.SentimentViews.AgentImpact;
import org.retailcx.sentiment.metrics.SentimentViews.Alert;
import org.retailcx.sentiment.metrics.SentimentViews.ChurnCorrelation;
import org.retailcx.sentiment.metrics.SentimentViews.CustomerDay;
import org.retailcx.sentiment.metrics.SentimentViews.CustomerSentiment;
import org.retailcx.sentiment.metrics.SentimentViews.Document;
import org.retailcx.sentiment.metrics.SentimentViews.DiscoveredTopicView;
import org.retailcx.sentiment.metrics.SentimentViews.Driver;
import org.retailcx.sentiment.metrics.SentimentViews.Drivers;
import org.retailcx.sentiment.metrics.SentimentViews.TopicDiscoveryRun;
import org.retailcx.sentiment.metrics.SentimentViews.TrendPoint;
import org.retailcx.sentiment.metrics.SentimentViews.VendorAgreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads over silver and gold for the sentiment API. Ranges are inclusive UTC days; null bounds are open. */
@ApplicationScoped
public class SentimentQueries {

    private final Pool pool;

    public SentimentQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Document> document(String channel, String sourceRecordId) {
        return pool.preparedQuery("""
                select channel, source_record_id, customer_id, agent_id, conversation_id, product, occurred_at,
                    customer_voice, language, language_reliable, status, sentiment_score, sentiment_label, magnitude,
                    confidence, keywords, topics, leave_intent, start_score, end_score, redacted_text,
                    redactions::text, sentences::text, model_version, bronze_id
                from silver.retail_sentiment_unified where channel = $1 and source_record_id = $2""")
                .execute(Tuple.of(channel, sourceRecordId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No analysed " + channel + " text " + sourceRecordId);
                    }
                    Row r = rows.iterator().next();
                    Double start = r.getDouble(18);
                    Double end = r.getDouble(19);
                    return new Document(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), r.getOffsetDateTime(6), r.getBoolean(7), r.getString(8),
                            r.getBoolean(9), r.getString(10), r.getDouble(11), r.getString(12), r.getDouble(13),
                            r.getDouble(14), strings(r, 15), strings(r, 16), r.getString(17), start, end,
                            start == null || end == null ? null : end - start, r.getString(20), json(r.getString(21)),
                            json(r.getString(22)), r.getString(23), r.getLong(24));
                });
    }

    public Uni<CustomerSentiment> customer(String customerId, LocalDate from, LocalDate to, int windowDays) {
        Uni<List<CustomerDay>> days = pool.preparedQuery("""
                select d.calendar_date, s.channel, f.documents, f.analysed_documents, f.mean_score, f.min_score,
                    f.negative_documents, f.leave_intents
                from gold.fact_customer_sentiment f join gold.dim_date d on d.date_key = f.date_key
                join gold.dim_sentiment_source s on s.source_key = f.source_key
                where f.customer_id = $1 and ($2::date is null or d.calendar_date >= $2)
                  and ($3::date is null or d.calendar_date <= $3)
                order by d.calendar_date, s.channel""")
                .execute(Tuple.of(customerId, from, to))
                .map(rows -> {
                    List<CustomerDay> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new CustomerDay(r.getLocalDate(0), r.getString(1), r.getInteger(2), r.getInteger(3),
                                r.getDouble(4), r.getDouble(5), r.getInteger(6), r.getInteger(7)));
                    }
                    return list;
                });
        return days.chain(list -> pool.preparedQuery("""
                select s.score, s.label, s.documents, s.as_of, s.previous_label,
                    (select count(*) from silver.sentiment_alerts a where a.customer_id = $1),
                    (select c.probability_alive::float8 from silver.customer_churn_signal c where c.customer_id = $1)
                from (select 1) one left join silver.customer_sentiment_state s on s.customer_id = $1""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    if (r.getDouble(0) == null && list.isEmpty()) {
                        throw ProblemException.notFound("No texts of customer " + customerId + " have been analysed");
                    }
                    return new CustomerSentiment(customerId, r.getDouble(0), r.getString(1),
                            r.getInteger(2) == null ? 0 : r.getInteger(2), windowDays, r.getOffsetDateTime(3),
                            r.getString(4), r.getLong(5), r.getDouble(6), list);
                }));
    }

    public Uni<List<TrendPoint>> trends(LocalDate from, LocalDate to, String channel, String topic, String product,
            String customerId) {
        return pool.preparedQuery("""
                with days as (
                    select period_start, channel, sum(documents) documents, sum(score_sum) score_sum,
                        sum(negative_documents) negatives, sum(leave_intents) leave_intents
                    from silver.retail_sentiment_trends
                    where topic = coalesce($4, 'all') and ($1::date is null or period_start >= $1)
                      and ($2::date is null or period_start <= $2) and ($3::text is null or channel = $3)
                      and ($5::text is null or product = $5) and ($6::text is null or customer_id = $6)
                    group by period_start, channel),
                channels as (select channel, sum(score_sum) / sum(documents) mean from days group by channel)
                select d.period_start, d.channel, d.documents, d.score_sum / d.documents,
                    d.score_sum / d.documents - c.mean, d.negatives::float8 / d.documents, d.leave_intents
                from days d join channels c using (channel)
                order by d.period_start, d.channel""")
                .execute(Tuple.from(new Object[] { from, to, channel, topic, product, customerId }))
                .map(rows -> {
                    List<TrendPoint> points = new ArrayList<>();
                    for (Row r : rows) {
                        points.add(new TrendPoint(r.getLocalDate(0), r.getString(1), r.getInteger(2), r.getDouble(3),
                                r.getDouble(4), r.getDouble(5), r.getInteger(6)));
                    }
                    return points;
                });
    }

    public Uni<Drivers> drivers(LocalDate from, LocalDate to, String channel, String kind, int limit) {
        Tuple range = Tuple.of(from, to, channel);
        Uni<double[]> overall = pool.preparedQuery("""
                select count(*), coalesce(avg(sentiment_score), 0) from silver.retail_sentiment_unified
                where status = 'ANALYSED' and ($1::date is null or occurred_on >= $1)
                  and ($2::date is null or occurred_on <= $2) and ($3::text is null or channel = $3)""")
                .execute(range)
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new double[] { r.getLong(0), r.getDouble(1) };
                });
        return overall.chain(o -> pool.preparedQuery("""
                select f.driver_kind, f.driver, sum(f.mentions)::integer, sum(f.score_sum) / sum(f.mentions),
                    sum(f.negative_mentions)::integer, sum(f.score_sum) - sum(f.mentions) * $5::float8 impact
                from gold.fact_sentiment_drivers f join gold.dim_date d on d.date_key = f.date_key
                join gold.dim_sentiment_source s on s.source_key = f.source_key
                where ($1::date is null or d.calendar_date >= $1) and ($2::date is null or d.calendar_date <= $2)
                  and ($3::text is null or s.channel = $3) and ($4::text is null or f.driver_kind = $4)
                group by f.driver_kind, f.driver
                order by impact, f.driver_kind, f.driver limit $6""")
                .execute(Tuple.from(new Object[] { from, to, channel, kind, o[1], limit }))
                .map(rows -> {
                    List<Driver> drivers = new ArrayList<>();
                    for (Row r : rows) {
                        drivers.add(new Driver(r.getString(0), r.getString(1), r.getInteger(2), r.getDouble(3),
                                r.getInteger(4), r.getDouble(5)));
                    }
                    return new Drivers(from, to, channel, (int) o[0], o[1], drivers);
                }));
    }

    public Uni<Page<Alert>> alerts(String customerId, String reason, int limit, String cursor) {
        long after = Page.afterId(cursor);
        return pool.preparedQuery("""
                select alert_id, customer_id, channel, source_record_id, reason, score, threshold, leave_intent,
                    topics, occurred_at, raised_at
                from silver.sentiment_alerts
                where alert_id > $1 and ($2::text is null or customer_id = $2) and ($3::text is null or reason = $3)
                order by alert_id limit $4""")
                .execute(Tuple.of(after, customerId, reason, limit + 1))
                .map(rows -> {
                    List<Alert> alerts = new ArrayList<>();
                    for (Row r : rows) {
                        alerts.add(new Alert(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getString(4), r.getDouble(5), r.getDouble(6), r.getString(7), strings(r, 8),
                                r.getOffsetDateTime(9), r.getOffsetDateTime(10)));
                    }
                    return Page.of(alerts, limit, a -> Long.toString(a.alertId()));
                });
    }

    public Uni<List<AgentImpact>> agentImpact(LocalDate from, LocalDate to, String agentId) {
        return pool.preparedQuery("""
                select agent_id, count(*)::integer, avg(start_score), avg(end_score), avg(end_score - start_score),
                    (count(*) filter (where end_score - start_score >= 0.1))::integer,
                    (count(*) filter (where end_score - start_score <= -0.1))::integer
                from silver.retail_sentiment_unified
                where channel = 'call' and agent_id is not null and start_score is not null and end_score is not null
                  and ($1::date is null or occurred_on >= $1) and ($2::date is null or occurred_on <= $2)
                  and ($3::text is null or agent_id = $3)
                group by agent_id order by 5, agent_id""")
                .execute(Tuple.of(from, to, agentId))
                .map(rows -> {
                    List<AgentImpact> agents = new ArrayList<>();
                    for (Row r : rows) {
                        agents.add(new AgentImpact(r.getString(0), r.getInteger(1), r.getDouble(2), r.getDouble(3),
                                r.getDouble(4), r.getInteger(5), r.getInteger(6)));
                    }
                    return agents;
                });
    }

    public Uni<ChurnCorrelation> churnCorrelation(double lostBelow) {
        return pool.preparedQuery("""
                with joined as (
                    select s.score, c.probability_alive::float8 p, c.probability_alive::float8 < $1 lost,
                        a.customer_id is not null at_risk
                    from silver.customer_sentiment_state s
                    join silver.customer_churn_signal c on c.customer_id = s.customer_id
                    left join (select distinct customer_id from silver.sentiment_alerts) a
                        on a.customer_id = s.customer_id)
                select count(*)::integer, corr(score, p), (count(*) filter (where at_risk))::integer,
                    avg(p) filter (where at_risk), avg(p) filter (where not at_risk),
                    (count(*) filter (where lost))::integer, avg(score) filter (where lost),
                    avg(score) filter (where not lost),
                    avg(case when at_risk then 1.0 else 0.0 end) filter (where lost)::float8,
                    avg(case when at_risk then 1.0 else 0.0 end) filter (where not lost)::float8
                from joined""")
                .execute(Tuple.of(lostBelow))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new ChurnCorrelation(r.getInteger(0), r.getDouble(1), r.getInteger(2), r.getDouble(3),
                            r.getDouble(4), lostBelow, r.getInteger(5), r.getDouble(6), r.getDouble(7),
                            r.getDouble(8), r.getDouble(9));
                });
    }

    /** Per vendor model version (one, or all when null): its results beside this service's analysis. */
    public Uni<List<VendorAgreement>> vendorAgreement(String nlpModelVersion, String channel) {
        return pool.preparedQuery("""
                select v.nlp_model_version, count(*)::integer, count(u.sentiment_score)::integer,
                    corr(v.sentiment_score, u.sentiment_score),
                    avg(case when v.sentiment_label = u.sentiment_label then 1.0 else 0.0 end)
                        filter (where u.sentiment_score is not null)::float8,
                    avg(abs(v.sentiment_score - u.sentiment_score)), avg(v.sentiment_score)
                        filter (where u.sentiment_score is not null), avg(u.sentiment_score)
                from silver.vendor_sentiment_result v
                left join silver.retail_sentiment_unified u on u.channel = v.channel
                    and u.source_record_id = v.source_record_id and u.status = 'ANALYSED'
                where ($1::text is null or v.nlp_model_version = $1) and ($2::text is null or v.channel = $2)
                group by v.nlp_model_version order by v.nlp_model_version""")
                .execute(Tuple.of(nlpModelVersion, channel))
                .map(rows -> {
                    List<VendorAgreement> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new VendorAgreement(r.getString(0), r.getInteger(1), r.getInteger(2),
                                r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7)));
                    }
                    return list;
                });
    }

    /** A stored discovery run with its topics, each with up to five example texts ({@code channel/id}). */
    public Uni<TopicDiscoveryRun> discovery(long discoveryId) {
        Uni<List<DiscoveredTopicView>> topics = pool.preparedQuery("""
                select t.topic_index, t.terms, t.documents, t.average_sentiment,
                    coalesce((select (count(*) filter (where d.sentiment_label = 'negative'))::float8 / count(*)
                        from silver.retail_discovered_topic_document d
                        where d.discovery_id = t.discovery_id and d.topic_index = t.topic_index), 0),
                    array(select d.channel || '/' || d.source_record_id from silver.retail_discovered_topic_document d
                        where d.discovery_id = t.discovery_id and d.topic_index = t.topic_index
                        order by d.sentiment_score, d.channel, d.source_record_id limit 5)
                from silver.retail_discovered_topic t where t.discovery_id = $1 order by t.topic_index""")
                .execute(Tuple.of(discoveryId))
                .map(rows -> {
                    List<DiscoveredTopicView> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new DiscoveredTopicView(r.getInteger(0), strings(r, 1), r.getInteger(2),
                                r.getDouble(3), r.getDouble(4), strings(r, 5)));
                    }
                    return list;
                });
        return topics.chain(list -> pool.preparedQuery("""
                select discovery_id, window_from, window_to, channel, requested_topics, documents_in_window,
                    documents_used, vocabulary, method, requested_by, requested_at
                from silver.retail_topic_discovery where discovery_id = $1""")
                .execute(Tuple.of(discoveryId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No topic discovery " + discoveryId);
                    }
                    Row r = rows.iterator().next();
                    return new TopicDiscoveryRun(r.getLong(0), r.getLocalDate(1), r.getLocalDate(2), r.getString(3),
                            r.getInteger(4), r.getInteger(5), r.getInteger(6), r.getInteger(7), r.getString(8),
                            r.getString(9), r.getOffsetDateTime(10), list);
                }));
    }

    /** The newest run over exactly this window, channel (null = all) and k. */
    public Uni<TopicDiscoveryRun> latestDiscovery(LocalDate from, LocalDate to, String channel, int k) {
        return pool.preparedQuery("""
                select max(discovery_id) from silver.retail_topic_discovery
                where window_from = $1 and window_to = $2 and channel is not distinct from $3
                  and requested_topics = $4""")
                .execute(Tuple.of(from, to, channel, k))
                .chain(rows -> {
                    Long id = rows.iterator().next().getLong(0);
                    if (id == null) {
                        throw ProblemException.notFound("No topics discovered for " + from + ".." + to + ", k=" + k
                                + (channel == null ? "" : ", channel " + channel)
                                + " yet: POST /api/v1/sentiment/topics/discovered runs one");
                    }
                    return discovery(id);
                });
    }

    private static List<String> strings(Row r, int column) {
        String[] values = r.getArrayOfStrings(column);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
