package org.retailcx.synthetic.sentiment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.retailcx.synthetic.ApiClient;
import org.retailcx.synthetic.DomainDemos;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sentiment part of the demo: the generated chats go to sentiment-service in one all-or-nothing batch (redacted
 * before bronze, analysed, promoted); then the at-risk alerts it raised are read back next to the planted unhappy
 * customers.
 */
public final class SentimentDemo {

    static final int CUSTOMERS = 500;

    private SentimentDemo() {
    }

    public static String load(DomainDemos.Context c) {
        ApiClient sentiment = c.client("sentiment");
        if (sentiment == null) {
            return "skipped: sentiment-service is not running";
        }
        ChatGenerator.Chats chats = ChatGenerator.generate(CUSTOMERS, c.dataset().seed());
        JsonNode receipt = sentiment.postNdjson("/api/v1/sentiment/chats/batch", chats.messages(),
                "demo-chats-" + c.dataset().seed());
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
        return String.format(Locale.ROOT, "%d chat messages (%d accepted, %d quarantined), %d with a planted card"
                + " number; %d at-risk alerts on %d customers, %d of the %d planted unhappy customers",
                chats.messages().size(), receipt.path("accepted").asInt(), receipt.path("quarantined").asInt(),
                chats.plantedCards().size(), raised, alerted.size(), found, chats.unhappyCustomers().size());
    }
}
