package org.retailcx.sentiment.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.retailcx.sentiment.model.text.EnglishSegmenter;

class AnalysisComponentsTest {

    private static final EnglishSegmenter SEGMENTER = new EnglishSegmenter();
    private final LeaveIntentDetector leaveIntent = new LeaveIntentDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I want to close my account today                          | close my account
            We're switching banks after this                          | switching banks
            Moving my mortgage to Nationwide next month               | moving my mortgage
            I'll take my business elsewhere                           | take my business elsewhere
            I will never bank with you again                          | never bank with you again
            Cancelling my credit card, enough is enough               | cancelling my credit card
            """)
    void findsIntentToLeave(String text, String phrase) {
        assertEquals(phrase, leaveIntent.detect(text).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I don't want to close my account, just fix the fee
            I am not switching banks, relax
            How do I open a savings account?
            My account was closed by mistake
            """)
    void ignoresNegatedOrUnrelatedMentions(String text) {
        assertTrue(leaveIntent.detect(text).isEmpty(), text);
    }

    @Test
    void findsBankingTopicsInTokens() {
        List<String> tokens = lower("The app crashed at login and I was on hold for an hour about a fraudulent payment");
        List<BankingTopic> topics = new TopicDetector().detect(tokens).stream().map(TopicMatch::topic).toList();
        assertTrue(topics.containsAll(List.of(BankingTopic.APP_AND_ONLINE_BANKING, BankingTopic.WAITING_TIME,
                BankingTopic.FRAUD_AND_SECURITY, BankingTopic.PAYMENTS_AND_TRANSFERS)), topics.toString());
        assertTrue(new TopicDetector().detect(lower("I bought a new phone charger")).isEmpty());
    }

    @Test
    void keywordsAreContentPhrasesNotPlaceholders() {
        List<String> keywords = new KeywordExtractor().extract(SEGMENTER.tokens(
                "The monthly maintenance fee went up again and my card [CARD] was declined at the ATM."), 5);
        assertTrue(keywords.contains("monthly maintenance fee"), keywords.toString());
        assertTrue(keywords.stream().noneMatch(k -> k.contains("card") && !k.equals("card")), keywords.toString());
        assertTrue(keywords.contains("declined") || keywords.stream().anyMatch(k -> k.contains("atm")),
                keywords.toString());
    }

    private static List<String> lower(String text) {
        return SEGMENTER.tokens(text).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }
}
