package org.retailcx.sentiment.model.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.retailcx.sentiment.model.pii.PiiType;

/**
 * The analysis of one text. Holds the redacted text only — the original never leaves the analyser. For a text that
 * was not analysed, sentiment is empty and the lists are empty; language is reported either way.
 *
 * @param language ISO 639-3 code detected (or declared by the caller)
 * @param languageReliable false for short texts, whose language the model can only guess
 * @param leaveIntent the phrase in which the customer says they will leave, if any
 * @param modelVersion the engine's version, e.g. {@code vader-3.3.2+financial-v1+conversational-v1}
 */
public record DocumentAnalysis(AnalysisStatus status, String language, boolean languageReliable, String redactedText,
                               Map<PiiType, Integer> redactions, Optional<SentimentEstimate> sentiment,
                               List<SentenceAnalysis> sentences, List<String> keywords, List<TopicMatch> topics,
                               Optional<String> leaveIntent, String modelVersion) {

    public DocumentAnalysis {
        redactions = Map.copyOf(redactions);
        sentences = List.copyOf(sentences);
        keywords = List.copyOf(keywords);
        topics = List.copyOf(topics);
    }
}
