package org.retailcx.sentiment.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.schema.EventJson;
import org.retailcx.sentiment.model.topics.TopicDiscovery;
import org.retailcx.sentiment.model.topics.TopicDiscovery.DiscoveredTopic;
import org.retailcx.sentiment.model.topics.TopicDiscovery.TopicDocument;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Topics discovered from a window of analysed texts ({@link TopicDiscovery}: NMF on the TF-IDF of their keywords'
 * words), stored as a run in {@code silver.retail_topic_discovery} with its topics and which text joined which.
 * Only the customer's voice counts, as for trends: what customers talk about, not what agents answer.
 */
@ApplicationScoped
public class TopicDiscoveries {

    /** Texts per run: the dense factors stay small (5,000 × k) and a run takes seconds on one core. */
    public static final int MAX_DOCUMENTS = 5_000;
    public static final int MIN_TOPICS = 2;
    public static final int MAX_TOPICS = 30;
    public static final int MAX_WINDOW_DAYS = 366;
    static final String METHOD = "nmf-tfidf-keywords-v1";
    private static final int TOP_TERMS = 8;
    private static final int MIN_DOCUMENT_FREQUENCY = 3;
    private static final int MAX_VOCABULARY = 1_000;

    /** A deterministic sample (by a hash of the key) when the window holds more texts than a run takes. */
    private static final String WINDOW = """
            with window_texts as (
                select channel, source_record_id, sentiment_score, sentiment_label, keywords
                from silver.retail_sentiment_unified
                where status = 'ANALYSED' and customer_voice and occurred_on between $1 and $2
                  and ($3::text is null or channel = $3))
            select (select count(*) from window_texts)::integer, channel, source_record_id, sentiment_score,
                sentiment_label, keywords
            from window_texts order by md5(channel || '/' || source_record_id), channel, source_record_id limit $4""";

    private static final String STORE = """
            with run as (
                insert into silver.retail_topic_discovery (window_from, window_to, channel, requested_topics,
                    documents_in_window, documents_used, vocabulary, method, requested_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning discovery_id),
            topics as (
                insert into silver.retail_discovered_topic (discovery_id, topic_index, terms, documents,
                    average_sentiment)
                select run.discovery_id, t.topic_index, t.terms, t.documents, t.average_sentiment
                from run, jsonb_to_recordset($10::text::jsonb) as t(topic_index integer, terms text[],
                    documents integer, average_sentiment double precision)),
            members as (
                insert into silver.retail_discovered_topic_document (discovery_id, topic_index, channel,
                    source_record_id, sentiment_score, sentiment_label)
                select run.discovery_id, d.topic_index, d.channel, d.source_record_id, d.sentiment_score,
                    d.sentiment_label
                from run, jsonb_to_recordset($11::text::jsonb) as d(topic_index integer, channel text,
                    source_record_id text, sentiment_score double precision, sentiment_label text))
            select discovery_id from run""";

    /** One run's parameters. {@code channel} null = every channel. */
    public record Request(LocalDate from, LocalDate to, String channel, int topics, String requestedBy) {
    }

    private record WindowText(String channel, String sourceRecordId, double score, String label) {
    }

    private final Pool pool;

    public TopicDiscoveries(Pool pool) {
        this.pool = pool;
    }

    /** Runs and stores a discovery; returns its id. 422 when the window holds no analysed customer text. */
    public Uni<Long> discover(Request request) {
        return pool.preparedQuery(WINDOW)
                .execute(Tuple.of(request.from(), request.to(), request.channel(), MAX_DOCUMENTS))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // CPU-bound: off the event loop
                .map(rows -> factorise(request, rows))
                .chain(run -> pool.withTransaction(tx -> tx.preparedQuery(STORE).execute(run)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Tuple factorise(Request request, RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw ProblemException.unprocessable("urn:retailcx:problem:sentiment:empty-window",
                    "Nothing to discover", "No analysed customer texts between " + request.from() + " and "
                            + request.to() + (request.channel() == null ? "" : " in channel " + request.channel()));
        }
        int inWindow = 0;
        Map<String, WindowText> texts = new HashMap<>();
        List<TopicDocument> documents = new ArrayList<>(rows.size());
        for (Row r : rows) {
            inWindow = r.getInteger(0);
            WindowText text = new WindowText(r.getString(1), r.getString(2), r.getDouble(3), r.getString(4));
            String id = text.channel() + "/" + text.sourceRecordId();
            texts.put(id, text);
            List<String> words = new ArrayList<>();
            for (String keyword : r.getArrayOfStrings(5)) {
                words.addAll(Arrays.asList(keyword.split("\\s+")));
            }
            documents.add(new TopicDocument(id, words, text.score()));
        }
        TopicDiscovery discovery = new TopicDiscovery(request.topics(), TOP_TERMS, MIN_DOCUMENT_FREQUENCY,
                MAX_VOCABULARY);
        List<DiscoveredTopic> topics = discovery.discover(documents);
        ArrayNode topicRows = EventJson.mapper().createArrayNode();
        ArrayNode memberRows = EventJson.mapper().createArrayNode();
        for (DiscoveredTopic topic : topics) {
            ObjectNode t = topicRows.addObject();
            t.put("topic_index", topic.index());
            topic.terms().forEach(t.putArray("terms")::add);
            t.put("documents", topic.size());
            t.put("average_sentiment", topic.averageSentiment());
            for (String id : topic.documentIds()) {
                WindowText text = texts.get(id);
                memberRows.addObject().put("topic_index", topic.index()).put("channel", text.channel())
                        .put("source_record_id", text.sourceRecordId()).put("sentiment_score", text.score())
                        .put("sentiment_label", text.label());
            }
        }
        return Tuple.from(new Object[] { request.from(), request.to(), request.channel(), request.topics(), inWindow,
                documents.size(), discovery.vocabularySize(documents), METHOD, request.requestedBy(),
                topicRows.toString(), memberRows.toString() });
    }
}
