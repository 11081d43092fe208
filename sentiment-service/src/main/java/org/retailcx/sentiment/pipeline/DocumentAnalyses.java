package org.retailcx.sentiment.pipeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.schema.EventJson;
import org.retailcx.sentiment.model.analysis.BankingTopic;
import org.retailcx.sentiment.model.analysis.DocumentAnalysis;
import org.retailcx.sentiment.model.analysis.SentenceAnalysis;
import org.retailcx.sentiment.model.analysis.SentimentAnalyzer;
import org.retailcx.sentiment.model.analysis.SentimentEstimate;
import org.retailcx.sentiment.model.analysis.TopicMatch;
import org.retailcx.sentiment.model.pii.PiiRedactor;
import org.retailcx.sentiment.model.pii.PiiType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bronze channel texts → {@code silver.retail_sentiment_unified} and {@code silver.retail_topic_analysis}: each text
 * is analysed by the model pipeline (on a worker thread, off the event loop), then a chunk of documents is written
 * with one upsert and one topic replacement, set-based from a JSON array. Returns the (channel, customer, day) cells
 * that changed, old and new.
 */
@ApplicationScoped
public class DocumentAnalyses {

    /** Documents per statement. */
    static final int CHUNK = 2_000;

    private static final String UPSERT = """
            with input as (
                select * from jsonb_to_recordset($1::text::jsonb) as d(channel text, source_record_id text,
                    customer_id text, agent_id text, conversation_id text, product text, occurred_at timestamptz, occurred_on date,
                    customer_voice boolean, language text, language_reliable boolean, status text,
                    sentiment_score double precision, sentiment_label text, magnitude double precision,
                    confidence double precision, keywords text[], topics text[], leave_intent text,
                    start_score double precision, end_score double precision, redacted_text text, redactions jsonb,
                    sentences jsonb, model_version text, bronze_id bigint, batch_id uuid)),
            previous as (
                select u.channel, u.customer_id, u.occurred_on from silver.retail_sentiment_unified u
                join input i on i.channel = u.channel and i.source_record_id = u.source_record_id),
            written as (
                insert into silver.retail_sentiment_unified (channel, source_record_id, customer_id, agent_id,
                    conversation_id, product, occurred_at, occurred_on, customer_voice, language, language_reliable,
                    status, sentiment_score, sentiment_label, magnitude, confidence, keywords, topics, leave_intent,
                    start_score, end_score, redacted_text, redactions, sentences, model_version, bronze_id, batch_id)
                select channel, source_record_id, customer_id, agent_id, conversation_id, product, occurred_at,
                    occurred_on, customer_voice, language, language_reliable, status, sentiment_score, sentiment_label,
                    magnitude, confidence, keywords, topics, leave_intent, start_score, end_score, redacted_text,
                    redactions, sentences, model_version, bronze_id, batch_id from input
                on conflict (channel, source_record_id) do update set customer_id = excluded.customer_id,
                    agent_id = excluded.agent_id, conversation_id = excluded.conversation_id,
                    product = excluded.product, occurred_at = excluded.occurred_at, occurred_on = excluded.occurred_on,
                    customer_voice = excluded.customer_voice, language = excluded.language,
                    language_reliable = excluded.language_reliable, status = excluded.status,
                    sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
                    magnitude = excluded.magnitude, confidence = excluded.confidence, keywords = excluded.keywords,
                    topics = excluded.topics, leave_intent = excluded.leave_intent,
                    start_score = excluded.start_score, end_score = excluded.end_score,
                    redacted_text = excluded.redacted_text, redactions = excluded.redactions,
                    sentences = excluded.sentences, model_version = excluded.model_version,
                    bronze_id = excluded.bronze_id, batch_id = excluded.batch_id, analysed_at = now()
                returning channel, customer_id, occurred_on)
            select channel, customer_id, occurred_on from previous
            union select channel, customer_id, occurred_on from written""";

    private static final String CLEAR_TOPICS = """
            delete from silver.retail_topic_analysis t
            using jsonb_to_recordset($1::text::jsonb) as d(channel text, source_record_id text)
            where t.channel = d.channel and t.source_record_id = d.source_record_id""";

    private static final String TOPICS = """
            insert into silver.retail_topic_analysis (channel, source_record_id, topic, customer_id, product,
                occurred_on, occurrences, terms, topic_score)
            select channel, source_record_id, topic, customer_id, product, occurred_on, occurrences, terms, topic_score
            from jsonb_to_recordset($1::text::jsonb) as t(channel text, source_record_id text, topic text,
                customer_id text, product text, occurred_on date, occurrences integer, terms text[], topic_score double precision)""";

    private static final PiiRedactor REDACTOR = new PiiRedactor();

    private final SentimentAnalyzer analyzer;

    public DocumentAnalyses(SentimentAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Analyses and writes the texts; returns the cells they changed. */
    public Uni<TouchedKeys> write(SqlConnection tx, List<ChannelText> texts) {
        TouchedKeys touched = new TouchedKeys();
        int chunks = (texts.size() + CHUNK - 1) / CHUNK;
        return Multi.createFrom().range(0, chunks)
                .onItem().transformToUniAndConcatenate(c -> {
                    List<ChannelText> chunk = texts.subList(c * CHUNK, Math.min(texts.size(), (c + 1) * CHUNK));
                    return Uni.createFrom().item(() -> rows(chunk))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .chain(rows -> tx.preparedQuery(UPSERT).execute(Tuple.of(rows.documents().toString()))
                                    .invoke(set -> {
                                        for (Row r : set) {
                                            touched.add(r.getString(0), r.getString(1), r.getLocalDate(2));
                                        }
                                    })
                                    .chain(() -> tx.preparedQuery(CLEAR_TOPICS)
                                            .execute(Tuple.of(rows.documents().toString())))
                                    .chain(() -> tx.preparedQuery(TOPICS)
                                            .execute(Tuple.of(rows.topics().toString()))));
                })
                .collect().last()
                .replaceWith(touched);
    }

    private record Rows(ArrayNode documents, ArrayNode topics) {
    }

    private Rows rows(List<ChannelText> texts) {
        ArrayNode documents = EventJson.mapper().createArrayNode();
        ArrayNode topics = EventJson.mapper().createArrayNode();
        for (ChannelText text : texts) {
            DocumentAnalysis analysis = analyzer.analyse(text.text(), text.channel().domain(), text.language());
            LocalDate day = text.occurredAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            ObjectNode d = documents.addObject();
            d.put("channel", text.channel().code()).put("source_record_id", text.sourceRecordId())
                    .put("customer_id", text.customerId()).put("agent_id", text.agentId())
                    .put("conversation_id", text.conversationId()).put("product", text.product())
                    .put("occurred_at", text.occurredAt().toString()).put("occurred_on", day.toString())
                    .put("customer_voice", text.customerVoice()).put("language", analysis.language())
                    .put("language_reliable", analysis.languageReliable()).put("status", analysis.status().name())
                    .put("leave_intent", analysis.leaveIntent().orElse(null))
                    .put("redacted_text", text.fullText().equals(text.text()) ? analysis.redactedText()
                            : REDACTOR.redact(text.fullText()).text())
                    .put("model_version", analysis.modelVersion()).put("bronze_id", text.bronzeId())
                    .put("batch_id", text.batchId().toString());
            analysis.sentiment().ifPresent(s -> d.put("sentiment_score", s.score())
                    .put("sentiment_label", s.label().name().toLowerCase()).put("magnitude", s.magnitude())
                    .put("confidence", s.confidence()));
            ArrayNode keywords = d.putArray("keywords");
            analysis.keywords().forEach(keywords::add);
            ArrayNode topicNames = d.putArray("topics");
            analysis.topics().forEach(t -> topicNames.add(t.topic().label()));
            ObjectNode redactions = d.putObject("redactions");
            placeholders(d.path("redacted_text").asText()).forEach(redactions::put);
            ArrayNode sentences = d.putArray("sentences");
            for (SentenceAnalysis s : analysis.sentences()) {
                ObjectNode o = sentences.addObject();
                o.put("text", s.text()).put("start", s.start()).put("end", s.end())
                        .put("score", s.sentiment().score()).put("label", s.sentiment().label().name().toLowerCase())
                        .put("magnitude", s.sentiment().magnitude()).put("vaderCompound", s.vaderCompound())
                        .put("financialRuleScore", s.financialRuleScore());
                ArrayNode st = o.putArray("topics");
                s.topics().forEach(t -> st.add(t.label()));
            }
            if (text.customerTurns().size() >= 2) {
                turnScore(text, text.customerTurns().get(0)).ifPresent(v -> d.put("start_score", v));
                turnScore(text, text.customerTurns().get(text.customerTurns().size() - 1))
                        .ifPresent(v -> d.put("end_score", v));
            }
            for (TopicMatch match : analysis.topics()) {
                ObjectNode t = topics.addObject();
                t.put("channel", text.channel().code()).put("source_record_id", text.sourceRecordId())
                        .put("topic", match.topic().label()).put("customer_id", text.customerId())
                        .put("product", text.product()).put("occurred_on", day.toString())
                        .put("occurrences", match.occurrences())
                        .put("topic_score", topicScore(analysis, match.topic()));
                ArrayNode terms = t.putArray("terms");
                match.terms().forEach(terms::add);
            }
        }
        return new Rows(documents, topics);
    }

    /**
     * What was redacted, by type: bronze already holds the redacted text, so the placeholders in it are counted
     * (the analysis itself finds nothing left to redact).
     */
    static Map<String, Integer> placeholders(String redacted) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PiiType type : PiiType.values()) {
            int n = 0;
            for (int at = redacted.indexOf(type.placeholder()); at >= 0;
                    at = redacted.indexOf(type.placeholder(), at + 1)) {
                n++;
            }
            if (n > 0) {
                counts.put(type.name(), n);
            }
        }
        return counts;
    }

    /** The score of one customer turn on its own, when it can be analysed. */
    private OptionalDouble turnScore(ChannelText text, String turn) {
        DocumentAnalysis a = analyzer.analyse(turn, text.channel().domain(), text.language());
        return a.sentiment().map(s -> OptionalDouble.of(s.score())).orElse(OptionalDouble.empty());
    }

    /** The mean score of the sentences that raise the topic; the document's when no single sentence does. */
    private static double topicScore(DocumentAnalysis analysis, BankingTopic topic) {
        OptionalDouble mean = analysis.sentences().stream().filter(s -> s.topics().contains(topic))
                .mapToDouble(s -> s.sentiment().score()).average();
        return mean.orElseGet(() -> analysis.sentiment().map(SentimentEstimate::score).orElse(0.0));
    }
}
