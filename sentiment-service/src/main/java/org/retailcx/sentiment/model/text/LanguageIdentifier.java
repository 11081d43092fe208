package org.retailcx.sentiment.model.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.ThreadSafeLanguageDetectorME;

/**
 * Language detection with Apache OpenNLP's 103-language model (langdetect 1.8.3, from the
 * {@code opennlp-models-langdetect} artifact on the classpath). The model is trained on sentences and its
 * probabilities are nearly flat on a few words ("ok thanks" comes out as Min Nan, "worst bank ever" as Dutch), so a
 * short text counts as English when English's probability is within 10 % of the best one; short texts are flagged
 * as less reliable either way.
 */
public final class LanguageIdentifier {

    public static final String ENGLISH = "eng";

    private static final String MODEL = "/langdetect-183.bin";
    /** Below this many letters a guess is not trusted on its own. */
    static final int RELIABLE_LETTERS = 40;
    /** A short text is English when P(English) ≥ this share of the best candidate's probability. */
    static final double SHORT_TEXT_ENGLISH_RATIO = 0.9;

    private final ThreadSafeLanguageDetectorME detector;

    public LanguageIdentifier() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL + " is not on the classpath");
            }
            detector = new ThreadSafeLanguageDetectorME(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LanguageGuess identify(CharSequence text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        if (letters == 0) {
            return new LanguageGuess(LanguageGuess.UNDETERMINED, 0, false);
        }
        Language[] candidates = detector.predictLanguages(text);
        Language best = candidates[0];
        if (letters >= RELIABLE_LETTERS) {
            return new LanguageGuess(best.getLang(), best.getConfidence(), true);
        }
        for (Language candidate : candidates) {
            if (candidate.getLang().equals(ENGLISH)
                    && candidate.getConfidence() >= SHORT_TEXT_ENGLISH_RATIO * best.getConfidence()) {
                return new LanguageGuess(ENGLISH, candidate.getConfidence(), false);
            }
        }
        return new LanguageGuess(best.getLang(), best.getConfidence(), false);
    }
}
