package org.retailcx.sentiment.api;

import java.util.List;
import java.util.Map;

import org.retailcx.sentiment.model.analysis.DocumentAnalysis;
import org.retailcx.sentiment.model.analysis.SentenceAnalysis;
import org.retailcx.sentiment.model.analysis.SentimentEstimate;
import org.retailcx.sentiment.model.analysis.TopicMatch;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The analysis of one text, as the stateless analyse call answers it (the text only in redacted form). */
@RegisterForReflection
public record AnalysedText(String id, String status, String language, boolean languageReliable, Score sentiment,
        List<SentenceView> sentences, List<String> keywords, List<TopicView> topics, String leaveIntent,
        Map<String, Integer> redactions, String redactedText) {

    @RegisterForReflection
    public record Score(double score, String label, double magnitude, double confidence, double negative,
            double neutral, double positive) {

        static Score of(SentimentEstimate s) {
            return new Score(s.score(), s.label().name().toLowerCase(), s.magnitude(), s.confidence(), s.negative(),
                    s.neutral(), s.positive());
        }
    }

    @RegisterForReflection
    public record SentenceView(String text, int start, int end, Score sentiment, double vaderCompound,
            double financialRuleScore, List<String> topics) {
    }

    @RegisterForReflection
    public record TopicView(String topic, int occurrences, List<String> terms) {
    }

    static AnalysedText of(String id, DocumentAnalysis a) {
        return new AnalysedText(id, a.status().name(), a.language(), a.languageReliable(),
                a.sentiment().map(Score::of).orElse(null),
                a.sentences().stream().map(AnalysedText::sentence).toList(), a.keywords(),
                a.topics().stream().map(AnalysedText::topic).toList(), a.leaveIntent().orElse(null),
                a.redactions().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> e.getKey().name(), Map.Entry::getValue)),
                a.redactedText());
    }

    private static SentenceView sentence(SentenceAnalysis s) {
        return new SentenceView(s.text(), s.start(), s.end(), Score.of(s.sentiment()), s.vaderCompound(),
                s.financialRuleScore(), s.topics().stream().map(t -> t.label()).toList());
    }

    private static TopicView topic(TopicMatch t) {
        return new TopicView(t.topic().label(), t.occurrences(), t.terms());
    }
}
