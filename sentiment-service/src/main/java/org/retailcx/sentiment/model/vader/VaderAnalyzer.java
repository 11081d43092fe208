package org.retailcx.sentiment.model.vader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A faithful Java port of VADER 3.3.x (Hutto &amp; Gilbert 2014, ICWSM; cjhutto/vaderSentiment, MIT): the same
 * tokenisation (whitespace split, punctuation stripped unless that leaves an emoticon), lexicon and emoji lexicon,
 * booster and dampener words, ALL-CAPS emphasis, negation up to three words back, "no", "never so/this",
 * "without doubt", "least", "kind of", special-case idioms, the contrastive "but", punctuation emphasis and the
 * compound normalisation x / sqrt(x² + 15). Quirks of the reference are kept on purpose (they are marked), so
 * scores match the Python original rather than an idealised reading of the paper.
 *
 * <p>Thread-safe and allocation-light: one instance serves every caller.
 */
public final class VaderAnalyzer {

    static final double BOOSTER_INCREMENT = 0.293;
    static final double BOOSTER_DECREMENT = -0.293;
    static final double CAPS_INCREMENT = 0.733;
    static final double NEGATION_SCALAR = -0.74;
    static final double NORMALISATION_ALPHA = 15;

    private static final String RESOURCE_DIR = "/org/retailcx/sentiment/model/vader/";
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static final Set<String> NEGATIONS = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> SPECIAL_CASES = Map.of(
            "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "badass", 1.5, "bus stop", 0.0,
            "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    /** Every word of a special case or multi-word booster: an idiom can only match where one of them stands. */
    private static final Set<String> IDIOM_WORDS = idiomWords();

    private final Map<String, Double> lexicon;
    private final Map<Integer, String> emojiDescriptions;

    public VaderAnalyzer(Map<String, Double> lexicon, Map<Integer, String> emojiDescriptions) {
        this.lexicon = Map.copyOf(lexicon);
        this.emojiDescriptions = Map.copyOf(emojiDescriptions);
    }

    /** The analyser on the lexicons shipped in this package's resources (VADER's own files, MIT). */
    public static VaderAnalyzer fromClasspath() {
        Map<String, Double> lexicon = new HashMap<>();
        readTabSeparated("vader_lexicon.txt", (word, value) -> lexicon.put(word, Double.parseDouble(value)));
        Map<Integer, String> emojis = new HashMap<>();
        readTabSeparated("emoji_utf8_lexicon.txt", (emoji, description) -> {
            // the reference looks emojis up one code point at a time, so longer sequences never match there
            if (emoji.codePointCount(0, emoji.length()) == 1) {
                emojis.put(emoji.codePointAt(0), description);
            }
        });
        return new VaderAnalyzer(lexicon, emojis);
    }

    /** Mean valence of a word in the lexicon (−4..4), or 0 for a word it does not know. */
    public double valence(String lowerCaseWord) {
        return lexicon.getOrDefault(lowerCaseWord, 0.0);
    }

    public boolean isNegation(String lowerCaseWord) {
        return NEGATIONS.contains(lowerCaseWord) || lowerCaseWord.contains("n't");
    }

    public VaderScores score(String rawText) {
        String text = replaceEmojis(rawText).strip();
        String[] words = wordsAndEmoticons(text);
        if (words.length == 0) {
            return VaderScores.EMPTY;
        }
        String[] lower = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            lower[i] = words[i].toLowerCase(Locale.ROOT);
        }
        boolean capsDifferential = capsDifferential(words);
        double[] sentiments = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            if (BOOSTERS.containsKey(lower[i])
                    || (i < words.length - 1 && lower[i].equals("kind") && lower[i + 1].equals("of"))) {
                continue;
            }
            sentiments[i] = sentimentValence(words, lower, i, capsDifferential);
        }
        butCheck(lower, sentiments);
        return scoreValence(sentiments, text);
    }

    private double sentimentValence(String[] words, String[] lower, int i, boolean capsDifferential) {
        Double lexiconValence = lexicon.get(lower[i]);
        if (lexiconValence == null) {
            return 0;
        }
        double valence = lexiconValence;
        int last = words.length - 1;
        // "no" before another lexicon word negates that word instead of counting itself
        if (lower[i].equals("no") && i != last && lexicon.containsKey(lower[i + 1])) {
            valence = 0.0;
        }
        if ((i > 0 && lower[i - 1].equals("no")) || (i > 1 && lower[i - 2].equals("no"))
                || (i > 2 && lower[i - 3].equals("no") && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")))) {
            valence = lexiconValence * NEGATION_SCALAR;
        }
        if (capsDifferential && isUpper(words[i])) {
            valence += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
        }
        for (int startI = 0; startI < 3; startI++) {
            int preceding = i - (startI + 1);
            if (i > startI && !lexicon.containsKey(lower[preceding])) {
                double scalar = boosterScalar(words[preceding], lower[preceding], valence, capsDifferential);
                if (startI == 1 && scalar != 0) {
                    scalar *= 0.95;
                }
                if (startI == 2 && scalar != 0) {
                    scalar *= 0.9;
                }
                valence = negationCheck(valence + scalar, lower, startI, i);
                if (startI == 2) {
                    valence = specialIdiomsCheck(valence, lower, i);
                }
            }
        }
        return leastCheck(valence, lower, i);
    }

    private static double boosterScalar(String word, String lowerWord, double valence, boolean capsDifferential) {
        Double booster = BOOSTERS.get(lowerWord);
        if (booster == null) {
            return 0;
        }
        double scalar = valence < 0 ? -booster : booster;
        if (capsDifferential && isUpper(word)) {
            scalar += valence > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
        }
        return scalar;
    }

    private double negationCheck(double valence, String[] lower, int startI, int i) {
        String one = lower[i - 1];
        if (startI == 0) {
            return isNegation(one) ? valence * NEGATION_SCALAR : valence;
        }
        String two = lower[i - 2];
        if (startI == 1) {
            if (two.equals("never") && (one.equals("so") || one.equals("this"))) {
                return valence * 1.25;
            }
            if (two.equals("without") && one.equals("doubt")) {
                return valence;
            }
            return isNegation(two) ? valence * NEGATION_SCALAR : valence;
        }
        String three = lower[i - 3];
        // reference quirk (operator precedence): "so"/"this" right before the word boosts even without "never"
        if ((three.equals("never") && (two.equals("so") || two.equals("this"))) || one.equals("so") || one.equals("this")) {
            return valence * 1.25;
        }
        if (three.equals("without") && (two.equals("doubt") || one.equals("doubt"))) {
            return valence;
        }
        return isNegation(three) ? valence * NEGATION_SCALAR : valence;
    }

    private static double specialIdiomsCheck(double valence, String[] lower, int i) {
        if (!mayHoldIdiom(lower, i)) {
            return valence;
        }
        String oneZero = lower[i - 1] + " " + lower[i];
        String twoOneZero = lower[i - 2] + " " + oneZero;
        String twoOne = lower[i - 2] + " " + lower[i - 1];
        String threeTwoOne = lower[i - 3] + " " + twoOne;
        String threeTwo = lower[i - 3] + " " + lower[i - 2];
        for (String sequence : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
            Double special = SPECIAL_CASES.get(sequence);
            if (special != null) {
                valence = special;
                break;
            }
        }
        if (lower.length - 1 > i) {
            String zeroOne = lower[i] + " " + lower[i + 1];
            valence = SPECIAL_CASES.getOrDefault(zeroOne, valence);
            if (lower.length - 1 > i + 1) {
                valence = SPECIAL_CASES.getOrDefault(zeroOne + " " + lower[i + 2], valence);
            }
        }
        for (String nGram : new String[] {threeTwoOne, threeTwo, twoOne}) {
            Double booster = BOOSTERS.get(nGram);
            if (booster != null) {
                valence += booster;
            }
        }
        return valence;
    }

    private double leastCheck(double valence, String[] lower, int i) {
        if (i > 1 && lower[i - 1].equals("least") && !lexicon.containsKey("least")) {
            if (!lower[i - 2].equals("at") && !lower[i - 2].equals("very")) {
                return valence * NEGATION_SCALAR;
            }
        } else if (i > 0 && lower[i - 1].equals("least") && !lexicon.containsKey("least")) {
            return valence * NEGATION_SCALAR;
        }
        return valence;
    }

    /**
     * Words before the first "but" count half, words after it one and a half times. The reference finds each
     * value's position with list.index (its first occurrence), so repeated values update the first copy; kept.
     */
    private static void butCheck(String[] lower, double[] sentiments) {
        int butIndex = -1;
        for (int i = 0; i < lower.length && butIndex < 0; i++) {
            if (lower[i].equals("but")) {
                butIndex = i;
            }
        }
        if (butIndex < 0) {
            return;
        }
        for (int k = 0; k < sentiments.length; k++) {
            double sentiment = sentiments[k];
            int first = 0;
            while (sentiments[first] != sentiment) {
                first++;
            }
            if (first < butIndex) {
                sentiments[first] = sentiment * 0.5;
            } else if (first > butIndex) {
                sentiments[first] = sentiment * 1.5;
            }
        }
    }

    private static VaderScores scoreValence(double[] sentiments, String text) {
        double sum = 0;
        for (double sentiment : sentiments) {
            sum += sentiment;
        }
        double punctuationEmphasis = punctuationEmphasis(text);
        if (sum > 0) {
            sum += punctuationEmphasis;
        } else if (sum < 0) {
            sum -= punctuationEmphasis;
        }
        double compound = normalise(sum);
        double positiveSum = 0;
        double negativeSum = 0;
        int neutralCount = 0;
        for (double sentiment : sentiments) {
            if (sentiment > 0) {
                positiveSum += sentiment + 1; // compensates for neutral words, which count 1
            } else if (sentiment < 0) {
                negativeSum += sentiment - 1;
            } else {
                neutralCount++;
            }
        }
        if (positiveSum > Math.abs(negativeSum)) {
            positiveSum += punctuationEmphasis;
        } else if (positiveSum < Math.abs(negativeSum)) {
            negativeSum -= punctuationEmphasis;
        }
        double total = positiveSum + Math.abs(negativeSum) + neutralCount;
        return new VaderScores(Math.abs(negativeSum / total), Math.abs(neutralCount / total),
                Math.abs(positiveSum / total), compound);
    }

    static double normalise(double score) {
        double normalised = score / Math.sqrt(score * score + NORMALISATION_ALPHA);
        return Math.max(-1.0, Math.min(1.0, normalised));
    }

    private static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, 4) * 0.292;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis;
    }

    /** Emojis become their descriptions ("😁" → "beaming face with smiling eyes"), spaced as the reference does. */
    private String replaceEmojis(String text) {
        boolean hasNonAscii = false;
        for (int i = 0; i < text.length() && !hasNonAscii; i++) {
            hasNonAscii = text.charAt(i) >= 0x80;
        }
        if (!hasNonAscii) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        boolean previousSpace = true;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            String description = emojiDescriptions.get(codePoint);
            if (description != null) {
                if (!previousSpace) {
                    out.append(' ');
                }
                out.append(description);
                previousSpace = false;
            } else {
                out.appendCodePoint(codePoint);
                previousSpace = codePoint == ' ';
            }
        }
        return out.toString();
    }

    /** Python's str.split() then strip(string.punctuation), keeping the token when stripping leaves ≤ 2 characters. */
    static String[] wordsAndEmoticons(String text) {
        List<String> words = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            while (i < length && isSplitSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !isSplitSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(stripPunctuationIfWord(text, start, i));
            }
        }
        return words.toArray(String[]::new);
    }

    private static boolean isSplitSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String stripPunctuationIfWord(String text, int start, int end) {
        int from = start;
        int to = end;
        while (from < to && PUNCTUATION.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && PUNCTUATION.indexOf(text.charAt(to - 1)) >= 0) {
            to--;
        }
        if (text.codePointCount(from, to) <= 2) {
            return text.substring(start, end);
        }
        return text.substring(from, to);
    }

    /** Some but not all words are in capitals: only then do capitals count as emphasis. */
    private static boolean capsDifferential(String[] words) {
        int upper = 0;
        for (String word : words) {
            if (isUpper(word)) {
                upper++;
            }
        }
        return upper > 0 && upper < words.length;
    }

    /** Python's str.isupper(): at least one cased character, and no lower-case or title-case one. */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            cased |= Character.isUpperCase(c);
        }
        return cased;
    }

    private static boolean mayHoldIdiom(String[] lower, int i) {
        for (int k = i - 3; k <= Math.min(i + 2, lower.length - 1); k++) {
            if (IDIOM_WORDS.contains(lower[k])) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> idiomWords() {
        Set<String> words = new HashSet<>();
        for (String phrase : SPECIAL_CASES.keySet()) {
            words.addAll(List.of(phrase.split(" ")));
        }
        for (String phrase : BOOSTERS.keySet()) {
            if (phrase.contains(" ")) {
                words.addAll(List.of(phrase.split(" ")));
            }
        }
        return Set.copyOf(words);
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> boosters = new HashMap<>();
        for (String word : ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing"
                + " enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously"
                + " flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin"
                + " fugging greatly hella highly hugely incredible incredibly intensely major majorly more most"
                + " particularly purely quite really remarkably so substantially thoroughly total totally tremendous"
                + " tremendously uber unbelievably unusually utter utterly very").split(" ")) {
            boosters.put(word, BOOSTER_INCREMENT);
        }
        for (String word : ("almost barely hardly kinda kindof kind-of less little marginal marginally occasional"
                + " occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of").split(" ")) {
            boosters.put(word, BOOSTER_DECREMENT);
        }
        for (String phrase : new String[] {"just enough", "kind of", "sort of"}) {
            boosters.put(phrase, BOOSTER_DECREMENT);
        }
        return Map.copyOf(boosters);
    }

    private interface LineConsumer {
        void accept(String key, String value);
    }

    private static void readTabSeparated(String resource, LineConsumer consumer) {
        try (InputStream in = VaderAnalyzer.class.getResourceAsStream(RESOURCE_DIR + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE_DIR + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.strip().split("\t");
                if (fields.length >= 2) {
                    consumer.accept(fields[0], fields[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
