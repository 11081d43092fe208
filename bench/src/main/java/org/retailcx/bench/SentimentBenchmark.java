package org.retailcx.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.sentiment.ChatGenerator;

/**
 * Chat messages end to end through sentiment-service's bulk API — redaction before bronze, analysis, silver
 * documents and topics, trends, gold facts and drivers, customer state, alerts and events — next to PostgreSQL's
 * COPY of the same rows into a copy of the bronze table (bench/run-sentiment starts a suite of its own). Bodies are
 * rendered before the clock starts.
 * <pre>
 * SentimentBenchmark --sentiment-url URL --data-dir DIR [--messages 100000] [--seed 42] [--batch 5000] [--label TEXT]
 *     [--out FILE]
 * </pre>
 */
public final class SentimentBenchmark {

    private static final String CHATS = "/api/v1/sentiment/chats/batch";

    private SentimentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = new BenchOptions(args);
        int messages = o.getInt("messages", 100_000);
        long seed = o.getLong("seed", 42);
        int batch = o.getInt("batch", 5000);
        ApiClient api = ApiVsCopy.client(o, "sentiment-url", "http://localhost:8084");

        // about three messages per customer; the first `messages` of enough customers
        List<Map<String, Object>> chats = ChatGenerator.generate(messages / 2 + 1, seed).messages()
                .subList(0, messages);
        List<byte[]> bodies = ApiVsCopy.bodies(chats, batch);
        // warm-up: other messages (ids of their own) analysed and promoted (JIT, pools), not timed
        List<Map<String, Object>> warmUp = ChatGenerator.generate(200, seed + 1).messages().stream()
                .map(m -> {
                    Map<String, Object> copy = new java.util.LinkedHashMap<>(m);
                    copy.put("messageId", "WARM-" + m.get("messageId"));
                    return copy;
                }).toList();
        String warm = api.postNdjson(CHATS, warmUp, null, true).path("batchId").asText();
        ApiVsCopy.awaitPromoted(api, CHATS, warm);
        System.out.printf(Locale.ROOT, "%,d chat messages through the API ...%n", chats.size());

        // the COPY table holds the texts as sent, unredacted: dropped once timed
        ApiVsCopy.Result r = ApiVsCopy.run(api, ApiVsCopy.dataDir(o), CHATS, bodies,
                "bench-chats-" + seed + "-" + messages + "-", "bronze.retail_chat_sentiment", "messageId", chats, true);

        StringBuilder md = new StringBuilder();
        md.append("# Sentiment chats benchmark ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "- %,d chat messages (`ChatGenerator`, seed %d), %s%n- %s%n%n", messages,
                seed, o.get("label", ""), ApiVsCopy.machine()));
        md.append("API: `POST ").append(CHATS).append("`, NDJSON, ").append(batch).append(" messages per batch,")
                .append(" sequential, `Prefer: respond-async`, bodies rendered beforehand, after one promoted")
                .append(" warm-up batch of other messages; *accepted* = every batch redacted and in bronze,")
                .append(" *current* = the last batch promoted (every message analysed into silver, trends, gold")
                .append(" facts and drivers, customer sentiment, alerts and events current). COPY: `copy")
                .append(" bench.retail_chat_sentiment from stdin (format csv)` into `(like")
                .append(" bronze.retail_chat_sentiment including all)`, the same rows as sent, CSV rendered")
                .append(" beforehand (dropped afterwards: it holds the texts unredacted).\n\n");
        ApiVsCopy.table(md, "chat messages", messages, r);
        o.report(md);
    }
}
