package org.retailcx.sentiment.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.retailcx.sentiment.model.pii.PiiType;

class SentimentAnalyzerTest {

    private static final SentimentAnalyzer ANALYZER = SentimentAnalyzer.fromClasspath();

    private static final String UNHAPPY_CALL = """
            I was charged a £25 fee again for an overdraft I never agreed to. My card 4111 1111 1111 1111 was \
            declined twice today. I waited 45 minutes on hold and the agent was rude.
            If this is not sorted by Friday I will close my account and move my savings to another bank.
            You can reach me on 07700 900123 or jane.doe@example.com.""";

    @Test
    void anUnhappyCallIsNegativeWithTopicsIntentToLeaveAndNoPersonalData() {
        DocumentAnalysis analysis = ANALYZER.analyse(UNHAPPY_CALL, TextDomain.CONVERSATIONAL, null);

        assertEquals(AnalysisStatus.ANALYSED, analysis.status());
        assertEquals("eng", analysis.language());
        SentimentEstimate document = analysis.sentiment().orElseThrow();
        assertEquals(SentimentLabel.NEGATIVE, document.label(), document.toString());
        double mostNegative = analysis.sentences().stream().mapToDouble(s -> s.sentiment().score()).min().orElseThrow();
        assertTrue(mostNegative < -0.3, () -> analysis.sentences().toString());
        assertTrue(analysis.leaveIntent().orElseThrow().contains("close my account"));
        List<BankingTopic> topics = analysis.topics().stream().map(TopicMatch::topic).toList();
        assertTrue(topics.containsAll(List.of(BankingTopic.FEES_AND_CHARGES, BankingTopic.CARDS,
                BankingTopic.WAITING_TIME, BankingTopic.BRANCH_AND_STAFF)), topics.toString());
        assertEquals(1, analysis.redactions().get(PiiType.CARD));
        assertEquals(1, analysis.redactions().get(PiiType.PHONE));
        assertEquals(1, analysis.redactions().get(PiiType.EMAIL));
        String everything = analysis.toString();
        for (String secret : List.of("4111", "1111 1111", "07700", "900123", "jane.doe", "example.com")) {
            assertFalse(everything.contains(secret), secret);
        }
        assertFalse(analysis.keywords().isEmpty());
        assertTrue(analysis.keywords().stream().noneMatch(k -> k.contains("[")), analysis.keywords().toString());
        assertEquals(ANALYZER.modelVersion(), analysis.modelVersion());
    }

    @Test
    void sentencesCarryTheirOwnScoresWithinRange() {
        DocumentAnalysis analysis = ANALYZER.analyse(
                "The new app is brilliant and the staff were so helpful. But the fees are outrageous!",
                TextDomain.CONVERSATIONAL, "en-GB");
        List<SentenceAnalysis> sentences = analysis.sentences();
        assertEquals(2, sentences.size());
        assertEquals(SentimentLabel.POSITIVE, sentences.get(0).sentiment().label());
        assertEquals(SentimentLabel.NEGATIVE, sentences.get(1).sentiment().label());
        for (SentenceAnalysis sentence : sentences) {
            SentimentEstimate s = sentence.sentiment();
            assertTrue(s.score() >= -1 && s.score() <= 1);
            assertTrue(s.magnitude() >= 0 && s.magnitude() <= 1);
            assertEquals(1.0, s.negative() + s.neutral() + s.positive(), 1e-9);
            assertEquals(sentence.text(), analysis.redactedText().substring(sentence.start(), sentence.end()));
        }
        assertTrue(sentences.get(1).topics().contains(BankingTopic.FEES_AND_CHARGES));
        assertTrue(analysis.leaveIntent().isEmpty());
    }

    @Test
    void financialTextFollowsWhatMoves() {
        SentimentEstimate profit = ANALYZER.analyse("Quarterly profit rose 20% on strong loan demand.",
                TextDomain.FINANCIAL, null).sentiment().orElseThrow();
        SentimentEstimate costs = ANALYZER.analyse("Quarterly costs rose 20% on higher funding charges.",
                TextDomain.FINANCIAL, null).sentiment().orElseThrow();
        assertEquals(SentimentLabel.POSITIVE, profit.label(), profit.toString());
        assertTrue(costs.score() < profit.score() - 0.3, costs + " vs " + profit);
    }

    @Test
    void anUnsupportedLanguageIsReportedNotScored() {
        DocumentAnalysis german = ANALYZER.analyse(
                "Ich bin sehr unzufrieden, die Gebühren sind viel zu hoch und niemand ruft zurück.",
                TextDomain.CONVERSATIONAL, null);
        assertEquals(AnalysisStatus.NOT_ANALYSED_UNSUPPORTED_LANGUAGE, german.status());
        assertEquals("deu", german.language());
        assertTrue(german.sentiment().isEmpty());
        assertTrue(german.sentences().isEmpty());

        DocumentAnalysis declared = ANALYZER.analyse("merci beaucoup", TextDomain.CONVERSATIONAL, "fr");
        assertEquals(AnalysisStatus.NOT_ANALYSED_UNSUPPORTED_LANGUAGE, declared.status());
        assertEquals("fr", declared.language());
    }

    @Test
    void textWithNothingButPersonalDataHasNoWords() {
        DocumentAnalysis analysis = ANALYZER.analyse("4111 1111 1111 1111", TextDomain.CONVERSATIONAL, null);
        assertEquals(AnalysisStatus.NOT_ANALYSED_NO_WORDS, analysis.status());
        assertEquals("[CARD]", analysis.redactedText());
    }

    @Test
    void rejectsEmptyAndOversizedText() {
        assertThrows(IllegalArgumentException.class, () -> ANALYZER.analyse("  ", TextDomain.CONVERSATIONAL, null));
        String huge = "a".repeat(SentimentAnalyzer.MAX_TEXT_CHARS + 1);
        assertThrows(IllegalArgumentException.class, () -> ANALYZER.analyse(huge, TextDomain.CONVERSATIONAL, null));
    }
}
