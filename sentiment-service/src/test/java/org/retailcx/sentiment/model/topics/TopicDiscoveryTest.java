package org.retailcx.sentiment.model.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.retailcx.sentiment.model.topics.TopicDiscovery.DiscoveredTopic;
import org.retailcx.sentiment.model.topics.TopicDiscovery.TopicDocument;

class TopicDiscoveryTest {

    /** Three planted themes with their own vocabularies and sentiment, plus words every theme shares. */
    private static final List<List<String>> THEMES = List.of(
            List.of("app", "login", "crash", "password", "update", "screen"),
            List.of("mortgage", "rate", "remortgage", "fixed", "term", "valuation"),
            List.of("fraud", "card", "blocked", "stolen", "chargeback", "merchant"));
    private static final double[] SENTIMENT = { -0.6, 0.2, -0.8 };
    private static final List<String> SHARED = List.of("bank", "account", "service", "customer", "time");

    @Test
    void plantedTopicsAreRecoveredWithTheirSizesAndSentiment() {
        SplittableRandom random = new SplittableRandom(7);
        List<TopicDocument> docs = new ArrayList<>();
        int[] planted = { 120, 80, 50 };
        for (int theme = 0; theme < THEMES.size(); theme++) {
            for (int d = 0; d < planted[theme]; d++) {
                List<String> terms = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    terms.add(THEMES.get(theme).get(random.nextInt(6)));
                }
                terms.add(SHARED.get(random.nextInt(SHARED.size())));
                terms.add(SHARED.get(random.nextInt(SHARED.size())));
                docs.add(new TopicDocument(theme + "-" + d, terms,
                        SENTIMENT[theme] + (random.nextDouble() - 0.5) * 0.2));
            }
        }
        List<DiscoveredTopic> topics = new TopicDiscovery(3, 4, 2, 500).discover(docs);

        assertEquals(3, topics.size());
        for (int theme = 0; theme < THEMES.size(); theme++) {
            Set<String> vocabulary = Set.copyOf(THEMES.get(theme));
            DiscoveredTopic match = topics.stream().filter(t -> vocabulary.contains(t.terms().get(0))).findFirst()
                    .orElseThrow(() -> new AssertionError("no topic leads with a planted term"));
            assertTrue(vocabulary.containsAll(match.terms()), "top terms from one theme: " + match.terms());
            String prefix = theme + "-";
            long pure = match.documentIds().stream().filter(id -> id.startsWith(prefix)).count();
            assertTrue(pure >= 0.95 * planted[theme] && match.size() <= planted[theme] * 1.05,
                    "theme " + theme + ": " + pure + " of " + planted[theme] + " in a topic of " + match.size());
            assertEquals(SENTIMENT[theme], match.averageSentiment(), 0.1);
        }
        assertEquals(List.of(0, 1, 2), topics.stream().map(DiscoveredTopic::index).toList());
        assertTrue(topics.get(0).size() >= topics.get(1).size(), "largest first");
    }

    @Test
    void noDocumentsGiveNoTopics() {
        assertEquals(List.of(), new TopicDiscovery(3, 4, 2, 500).discover(List.of()));
    }
}
