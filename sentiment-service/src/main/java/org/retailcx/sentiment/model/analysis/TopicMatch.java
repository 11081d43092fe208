package org.retailcx.sentiment.model.analysis;

import java.util.List;

/** A topic found in a text, with how often its terms occurred and which terms they were. */
public record TopicMatch(BankingTopic topic, int occurrences, List<String> terms) {

    public TopicMatch {
        terms = List.copyOf(terms);
    }
}
