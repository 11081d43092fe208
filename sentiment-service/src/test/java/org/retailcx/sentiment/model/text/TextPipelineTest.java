package org.retailcx.sentiment.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextPipelineTest {

    private static final LanguageIdentifier LANGUAGES = new LanguageIdentifier();
    private static final EnglishSegmenter SEGMENTER = new EnglishSegmenter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The app keeps crashing when I try to log in and nobody answers the phone.           | eng | true
            Ich habe eine Frage zu meinem Konto, die Gebühren sind viel zu hoch geworden.        | deu | true
            Bonjour, je voudrais fermer mon compte parce que les frais sont trop élevés.         | fra | true
            Hola, mi tarjeta no funciona desde ayer y nadie contesta en la sucursal.             | spa | true
            ok thanks                                                                            | eng | false
            worst bank ever                                                                      | eng | false
            Bonjour, je voudrais fermer mon compte                                               | fra | false
            """)
    void detectsTheLanguageAndFlagsShortTexts(String text, String language, boolean reliable) {
        LanguageGuess guess = LANGUAGES.identify(text);
        assertEquals(language, guess.iso639_3());
        assertEquals(reliable, guess.reliable());
    }

    @Test
    void aTextWithoutLettersHasNoLanguage() {
        assertEquals(LanguageGuess.UNDETERMINED, LANGUAGES.identify("12345 !!!").iso639_3());
    }

    @Test
    void splitsSentencesOnPunctuationAndLineBreaksKeepingOffsets() {
        String text = "I called Mr. Smith on Monday. Nobody answered!\nagent: sorry about that\ncustomer: ok";
        List<Sentence> sentences = SEGMENTER.sentences(text);
        assertEquals(List.of("I called Mr. Smith on Monday.", "Nobody answered!", "agent: sorry about that",
                "customer: ok"), sentences.stream().map(Sentence::text).toList());
        for (Sentence sentence : sentences) {
            assertEquals(sentence.text(), text.substring(sentence.start(), sentence.end()));
        }
        assertEquals(List.of("Nobody", "answered", "!"), sentences.get(1).tokens());
    }

    @Test
    void tokenisesContractionsAndPunctuation() {
        List<String> tokens = SEGMENTER.tokens("I can't log in, the app isn't working.");
        assertTrue(tokens.contains(","), tokens.toString());
        assertEquals(".", tokens.get(tokens.size() - 1));
        assertFalse(tokens.contains("in,"));
    }
}
