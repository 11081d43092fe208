package org.retailcx.sentiment.model.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.retailcx.sentiment.model.vader.VaderAnalyzer;
import org.retailcx.sentiment.model.vader.VaderScores;

/**
 * Turns a text into a sparse feature vector for the linear classifiers: hashed word n-grams and character n-grams
 * inside words (each block with sub-linear term frequency and unit length), plus dense lexicon features — VADER's
 * compound, positive and negative proportions, AFINN's sum, and the financial direction × metric rule layer.
 *
 * <p>Social and news text is normalised first: URLs, $cashtags and @users become placeholders, numbers become
 * {@code _num_}, and signed percentages {@code _up_pct_} / {@code _down_pct_} ("+5%", "-3.2%"), which carry much
 * of a market headline's direction. Feature keys are 32-bit hashes; only keys seen in training get weights.
 */
public final class TextFeatures {

    /** How a text becomes features; stored with a trained model so that scoring uses the same recipe. */
    public record Settings(int maxWordNgram, int minCharNgram, int maxCharNgram, double charWeight,
                           double lexiconWeight) {
    }

    private static final int WORD_SPACE = 0x1000_0001;
    private static final int CHAR_SPACE = 0x2000_0003;
    private static final String[] LEXICON_FEATURES = {
        "vader.compound", "vader.positive", "vader.negative", "afinn.sum", "finance.positive", "finance.negative",
        "finance.score"};
    private static final int[] LEXICON_KEYS = Arrays.stream(LEXICON_FEATURES).mapToInt(name -> mix(name.hashCode()))
            .toArray();

    private final Settings settings;
    private final VaderAnalyzer vader;
    private final AfinnLexicon afinn;
    private final FinancialDirectionRules financialRules = new FinancialDirectionRules();

    public TextFeatures(Settings settings, VaderAnalyzer vader, AfinnLexicon afinn) {
        this.settings = settings;
        this.vader = vader;
        this.afinn = afinn;
    }

    public Settings settings() {
        return settings;
    }

    public SparseVector extract(String text) {
        List<String> tokens = normalisedTokens(text);
        return extract(tokens, vader.score(text), financialRules.evaluate(tokens));
    }

    /**
     * The same vector as {@link #extract(String)} from what a caller has already computed for the text: its
     * {@link #normalisedTokens}, this recipe's VADER's scores of the text, and the financial rules' signal over
     * the tokens (the blended score computes each once and shares them between the models and the rule layer).
     */
    public SparseVector extract(List<String> tokens, VaderScores vaderScores, FinancialDirectionRules.Signal finance) {
        SparseVector.Builder words = new SparseVector.Builder();
        int tokenCount = tokens.size();
        int[] tokenHashes = new int[tokenCount];
        for (int i = 0; i < tokenCount; i++) {
            tokenHashes[i] = tokens.get(i).hashCode();
        }
        for (int n = 1; n <= settings.maxWordNgram(); n++) {
            for (int i = 0; i + n <= tokenCount; i++) {
                int hash = WORD_SPACE + n;
                for (int k = i; k < i + n; k++) {
                    hash = hash * 31 + tokenHashes[k];
                }
                words.add(mix(hash), 1);
            }
        }
        SparseVector.Builder chars = new SparseVector.Builder();
        if (settings.maxCharNgram() > 0) {
            int minN = settings.minCharNgram();
            int maxN = settings.maxCharNgram();
            for (int t = 0; t < tokenCount; t++) {
                String token = tokens.get(t);
                if (token.charAt(0) == '_') {
                    continue;
                }
                // the n-grams of " " + token + " ", hashed over the char range without building the padded string
                int paddedLength = token.length() + 2;
                for (int n = minN; n <= maxN; n++) {
                    for (int i = 0; i + n <= paddedLength; i++) {
                        int hash = CHAR_SPACE + n;
                        for (int k = i; k < i + n; k++) {
                            hash = hash * 31 + (k == 0 || k == paddedLength - 1 ? ' ' : token.charAt(k - 1));
                        }
                        chars.add(mix(hash), 1);
                    }
                }
            }
        }
        SparseVector.Entries all = new SparseVector.Entries();
        words.addSublinearUnitLength(all, 1.0);
        chars.addSublinearUnitLength(all, settings.charWeight());
        if (settings.lexiconWeight() > 0) {
            double[] lexicon = {vaderScores.compound(), vaderScores.positive(), vaderScores.negative(),
                Math.tanh(afinn.sum(tokens) / 5.0), Math.min(finance.positive(), 3) / 3.0,
                Math.min(finance.negative(), 3) / 3.0, finance.score()};
            for (int k = 0; k < lexicon.length; k++) {
                all.add(LEXICON_KEYS[k], settings.lexiconWeight() * lexicon[k]);
            }
        }
        return all.build();
    }

    /** Lower-cased word tokens with the placeholders described in the class comment. */
    public static List<String> normalisedTokens(String text) {
        List<String> tokens = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (startsWith(text, i, "http://") || startsWith(text, i, "https://") || startsWith(text, i, "www.")) {
                i = skipNonSpace(text, i);
                tokens.add("_url_");
            } else if (c == '$' && i + 1 < length && Character.isLetter(text.charAt(i + 1))) {
                i = skipWhile(text, i + 1, ch -> Character.isLetter(ch) || ch == '.' || ch == '_');
                tokens.add("_cashtag_");
            } else if (c == '@' && i + 1 < length && isWordChar(text.charAt(i + 1))) {
                i = skipWhile(text, i + 1, TextFeatures::isWordChar);
                tokens.add("_user_");
            } else if (Character.isDigit(c)) {
                char sign = i > 0 ? text.charAt(i - 1) : ' ';
                i = skipWhile(text, i, ch -> Character.isDigit(ch) || ch == '.' || ch == ',');
                if (i < length && text.charAt(i) == '%') {
                    i++;
                    tokens.add(sign == '+' ? "_up_pct_" : sign == '-' ? "_down_pct_" : "_pct_");
                } else {
                    tokens.add("_num_");
                }
            } else if (Character.isLetter(c)) {
                int start = i;
                i = skipWhile(text, i, ch -> Character.isLetter(ch) || ch == '\'' || ch == '’');
                tokens.add(text.substring(start, i).replace('’', '\'').toLowerCase(Locale.ROOT));
            } else {
                if (c == '!' || c == '?') {
                    tokens.add(String.valueOf(c));
                }
                i++;
            }
        }
        return tokens;
    }

    private interface CharTest {
        boolean test(char c);
    }

    private static int skipWhile(String text, int from, CharTest test) {
        int i = from;
        while (i < text.length() && test.test(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipNonSpace(String text, int from) {
        return skipWhile(text, from, ch -> !Character.isWhitespace(ch));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean startsWith(String text, int at, String prefix) {
        return text.regionMatches(true, at, prefix, 0, prefix.length());
    }

    /** MurmurHash3's finaliser: spreads String.hashCode's bits so nearby n-grams do not cluster. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
