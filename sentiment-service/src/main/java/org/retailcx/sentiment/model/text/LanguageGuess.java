package org.retailcx.sentiment.model.text;

/**
 * The detected language of a text: an ISO 639-3 code as OpenNLP's model names it ("eng", "deu", …), the model's
 * probability for it, and whether the text was long enough for the guess to mean much.
 */
public record LanguageGuess(String iso639_3, double confidence, boolean reliable) {

    public static final String UNDETERMINED = "und";
}
