package org.retailcx.sentiment.model.analysis;

import java.util.List;

/**
 * One sentence of a (redacted) text: its range, the blended estimate, VADER's compound and the financial rule
 * layer's score beside it (for explaining a score), and its topics.
 */
public record SentenceAnalysis(String text, int start, int end, SentimentEstimate sentiment, double vaderCompound,
                               double financialRuleScore, List<BankingTopic> topics) {

    public SentenceAnalysis {
        topics = List.copyOf(topics);
    }
}
