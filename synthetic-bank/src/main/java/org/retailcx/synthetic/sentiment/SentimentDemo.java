package org.retailcx.synthetic.sentiment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.DomainDemos;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sentiment part of the demo: the customers' chats, call transcripts, e-mails, survey answers and social posts
 * go to sentiment-service, a batch per channel (all-or-nothing, redacted before bronze, analysed, promoted); then
 * the at-risk alerts it raised are read back next to the planted unhappy customers, every text that had personal
 * data planted in it is read back to check the data is gone, and the topics in the month's texts are discovered.
 */
public final class SentimentDemo {

    static final int CUSTOMERS = 500;
    private static final Duration PROMOTION_WAIT = Duration.ofMinutes(5);

    private SentimentDemo() {
    }

    public static String load(DomainDemos.Context c) {
        ApiClient sentiment = c.client("sentiment");
        if (sentiment == null) {
            return "skipped: sentiment-service is not running";
        }
        long seed = c.dataset().seed();
        ChatGenerator.Chats chats = ChatGenerator.generate(CUSTOMERS, seed);
        ChannelTextsGenerator.Texts texts = ChannelTextsGenerator.generate(CUSTOMERS, seed, chats.unhappyCustomers());
        Map<String, List<Map<String, Object>>> batches = new java.util.LinkedHashMap<>();
        batches.put("chats", chats.messages());
        batches.put("calls", texts.calls());
        batches.put("emails", texts.emails());
        batches.put("surveys", texts.surveys());
        batches.put("social", texts.social());
        StringBuilder loaded = new StringBuilder();
        for (Map.Entry<String, List<Map<String, Object>>> batch : batches.entrySet()) {
            JsonNode receipt = promoted(sentiment, sentiment.postNdjson("/api/v1/sentiment/" + batch.getKey()
                    + "/batch", batch.getValue(), "demo-" + batch.getKey() + "-" + seed));
            loaded.append(String.format(Locale.ROOT, "%s %d (%d quarantined), ", batch.getKey(),
                    receipt.path("accepted").asInt(), receipt.path("quarantined").asInt()));
        }
        long raised = 0;
        Set<String> alerted = new TreeSet<>();
        String cursor = null;
        do { // every page of the alerts
            JsonNode page = sentiment.get("/api/v1/sentiment/alerts?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            for (JsonNode a : page.path("items")) {
                raised++;
                alerted.add(a.path("customerId").asText());
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        long found = chats.unhappyCustomers().stream().filter(alerted::contains).count();
        long falseAlerts = alerted.stream().filter(a -> !chats.unhappyCustomers().contains(a)).count();
        // each text with planted personal data, as stored: the value is gone (spaces ignored), a placeholder is there
        List<ChannelTextsGenerator.Plant> plants = new java.util.ArrayList<>(texts.plants());
        for (String card : chats.plantedCards()) {
            chats.messages().stream().filter(m -> ((String) m.get("message")).contains(card)).findFirst()
                    .ifPresent(m -> plants.add(new ChannelTextsGenerator.Plant("chat", (String) m.get("messageId"),
                            "card", card)));
        }
        int leaked = 0;
        for (ChannelTextsGenerator.Plant p : plants) {
            String stored = sentiment.get("/api/v1/sentiment/documents/" + p.channel() + "/"
                    + URLEncoder.encode(p.sourceRecordId(), StandardCharsets.UTF_8)).path("redactedText").asText();
            if (stored.replace(" ", "").contains(p.value().replace(" ", "")) || !stored.contains("[")) {
                leaked++;
            }
        }
        JsonNode topics = sentiment.postJson("/api/v1/sentiment/topics/discovered?from=2026-11-01&to=2026-11-30&k=6",
                Map.of());
        StringBuilder discovered = new StringBuilder();
        for (JsonNode t : topics.path("topics")) {
            discovered.append(String.format(Locale.ROOT, "%s+%s (%d, %+.2f); ", t.path("terms").path(0).asText(),
                    t.path("terms").path(1).asText(), t.path("documents").asInt(), t.path("averageSentiment")
                            .asDouble()));
        }
        return String.format(Locale.ROOT, "%s%d planted card numbers, IBANs, phones, e-mails and NI numbers, %d of"
                + " them stored; %d at-risk alerts on %d customers, %d of the %d planted unhappy customers, %d other;"
                + " discovered topics (texts, mean score): %s", loaded, plants.size(), leaked, raised, alerted.size(), found,
                chats.unhappyCustomers().size(), falseAlerts, discovered.toString().trim());
    }

    /** The batch's receipt once it has left {@code accepted} (a loaded service may answer before promotion). */
    private static JsonNode promoted(ApiClient sentiment, JsonNode written) {
        String batch = "/api/v1/sentiment/batches/" + written.path("batchId").asText();
        JsonNode receipt = sentiment.get(batch);
        long deadline = System.nanoTime() + PROMOTION_WAIT.toNanos();
        while ("accepted".equals(receipt.path("status").asText()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            receipt = sentiment.get(batch);
        }
        return receipt;
    }
}
