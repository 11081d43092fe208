package org.retailcx.sentiment.model.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds {@link BankingTopic}s in lower-cased tokens; topics ordered by how often their terms occur. */
public final class TopicDetector {

    public List<TopicMatch> detect(List<String> lowerCaseTokens) {
        List<TopicMatch> matches = new ArrayList<>();
        for (BankingTopic topic : BankingTopic.values()) {
            int occurrences = 0;
            Set<String> terms = new LinkedHashSet<>();
            for (List<String> phrase : topic.phrases()) {
                for (int i = 0; i + phrase.size() <= lowerCaseTokens.size(); i++) {
                    if (lowerCaseTokens.subList(i, i + phrase.size()).equals(phrase)) {
                        occurrences++;
                        terms.add(String.join(" ", phrase));
                    }
                }
            }
            if (occurrences > 0) {
                matches.add(new TopicMatch(topic, occurrences, new ArrayList<>(terms)));
            }
        }
        matches.sort(Comparator.comparingInt(TopicMatch::occurrences).reversed());
        return matches;
    }
}
