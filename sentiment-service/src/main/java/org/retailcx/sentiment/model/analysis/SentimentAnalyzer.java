package org.retailcx.sentiment.model.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.retailcx.sentiment.model.classifier.AfinnLexicon;
import org.retailcx.sentiment.model.classifier.FinancialDirectionRules;
import org.retailcx.sentiment.model.classifier.LinearTextClassifier;
import org.retailcx.sentiment.model.classifier.TextFeatures;
import org.retailcx.sentiment.model.pii.PiiRedactor;
import org.retailcx.sentiment.model.pii.RedactedText;
import org.retailcx.sentiment.model.text.EnglishSegmenter;
import org.retailcx.sentiment.model.text.LanguageGuess;
import org.retailcx.sentiment.model.text.LanguageIdentifier;
import org.retailcx.sentiment.model.text.Sentence;
import org.retailcx.sentiment.model.vader.VaderAnalyzer;
import org.retailcx.sentiment.model.vader.VaderScores;

/**
 * The whole pipeline for one text: redact personal data, detect the language, split sentences, score each sentence
 * by blending the domain's supervised model with VADER and the financial rule layer, weight sentences by length
 * into a document score, and add keywords, banking topics and intent to leave. Stateless after construction and
 * thread-safe; build one (loading the models takes a second or two) and share it.
 */
public final class SentimentAnalyzer {

    /** Longest text accepted, in characters (the API's limit too). */
    public static final int MAX_TEXT_CHARS = 100_000;
    public static final String FINANCIAL_MODEL = "/org/retailcx/sentiment/model/classifier/financial-v1.bin.gz";
    public static final String CONVERSATIONAL_MODEL =
            "/org/retailcx/sentiment/model/classifier/conversational-v1.bin.gz";
    static final String VADER_VERSION = "vader-3.3.2";
    /** Share of a sentence's estimate given to the financial rule layer when it finds a direction × metric pair. */
    static final double FINANCIAL_RULE_WEIGHT = 0.3;
    private static final int KEYWORDS = 8;

    private final PiiRedactor redactor = new PiiRedactor();
    private final LanguageIdentifier languages;
    private final EnglishSegmenter segmenter;
    private final VaderAnalyzer vader;
    private final LinearTextClassifier financial;
    private final LinearTextClassifier conversational;
    private final FinancialDirectionRules financialRules = new FinancialDirectionRules();
    private final TopicDetector topics = new TopicDetector();
    private final KeywordExtractor keywords = new KeywordExtractor();
    private final LeaveIntentDetector leaveIntent = new LeaveIntentDetector();

    public SentimentAnalyzer(LanguageIdentifier languages, EnglishSegmenter segmenter, VaderAnalyzer vader,
                             LinearTextClassifier financial, LinearTextClassifier conversational) {
        this.languages = languages;
        this.segmenter = segmenter;
        this.vader = vader;
        this.financial = financial;
        this.conversational = conversational;
    }

    /** The analyser with the models and lexicons shipped on the classpath. */
    public static SentimentAnalyzer fromClasspath() {
        VaderAnalyzer vader = VaderAnalyzer.fromClasspath();
        AfinnLexicon afinn = AfinnLexicon.fromClasspath();
        return new SentimentAnalyzer(new LanguageIdentifier(), new EnglishSegmenter(), vader,
                loadModel(FINANCIAL_MODEL, vader, afinn), loadModel(CONVERSATIONAL_MODEL, vader, afinn));
    }

    public static LinearTextClassifier loadModel(String resource, VaderAnalyzer vader, AfinnLexicon afinn) {
        try (InputStream in = SentimentAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model " + resource + " is not on the classpath; run "
                        + "SentimentModelTrainer (see the README)");
            }
            return LinearTextClassifier.read(in, vader, afinn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String modelVersion() {
        return VADER_VERSION + "+" + financial.name() + "+" + conversational.name();
    }

    /**
     * @param declaredLanguage the caller's BCP 47 or ISO 639 code ("en", "eng", "en-GB"), or null to detect it
     * @throws IllegalArgumentException for a blank text or one over {@link #MAX_TEXT_CHARS}
     */
    public DocumentAnalysis analyse(String text, TextDomain domain, String declaredLanguage) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is empty");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("text has " + text.length() + " characters, over " + MAX_TEXT_CHARS);
        }
        RedactedText redacted = redactor.redact(text);
        String clean = redacted.text();
        String language;
        boolean reliable;
        if (declaredLanguage != null) {
            language = iso639_3(declaredLanguage);
            reliable = true;
        } else {
            LanguageGuess guess = languages.identify(withoutPlaceholders(redacted));
            language = guess.iso639_3();
            reliable = guess.reliable();
        }
        if (language.equals(LanguageGuess.UNDETERMINED)) {
            return notAnalysed(AnalysisStatus.NOT_ANALYSED_NO_WORDS, language, reliable, redacted);
        }
        if (!language.equals(LanguageIdentifier.ENGLISH)) {
            return notAnalysed(AnalysisStatus.NOT_ANALYSED_UNSUPPORTED_LANGUAGE, language, reliable, redacted);
        }
        List<SentenceAnalysis> sentences = new ArrayList<>();
        List<String> allTokens = new ArrayList<>();
        double[] weighted = new double[3];
        double totalWeight = 0;
        for (Sentence sentence : segmenter.sentences(clean)) {
            List<String> lowerTokens = sentence.tokens().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            allTokens.addAll(sentence.tokens());
            SentenceAnalysis analysis = analyseSentence(sentence, lowerTokens, domain);
            sentences.add(analysis);
            double weight = Math.max(1, lowerTokens.size());
            weighted[0] += weight * analysis.sentiment().negative();
            weighted[1] += weight * analysis.sentiment().neutral();
            weighted[2] += weight * analysis.sentiment().positive();
            totalWeight += weight;
        }
        SentimentEstimate document = new SentimentEstimate(weighted[0] / totalWeight, weighted[1] / totalWeight,
                weighted[2] / totalWeight);
        List<String> lowerAll = allTokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        return new DocumentAnalysis(AnalysisStatus.ANALYSED, language, reliable, clean, redacted.countsByType(),
                Optional.of(document), sentences, keywords.extract(allTokens, KEYWORDS), topics.detect(lowerAll),
                leaveIntent.detect(clean), modelVersion());
    }

    /** One sentence's blended estimate, without the document around it (what the throughput benchmark times). */
    public SentimentEstimate scoreSentence(String sentence, TextDomain domain) {
        List<String> tokens = TextFeatures.normalisedTokens(sentence);
        return blend(domain, vader.score(sentence), tokens, financialRules.evaluate(tokens));
    }

    private SentenceAnalysis analyseSentence(Sentence sentence, List<String> lowerTokens, TextDomain domain) {
        VaderScores vaderScores = vader.score(sentence.text());
        List<String> ruleTokens = TextFeatures.normalisedTokens(sentence.text());
        FinancialDirectionRules.Signal signal = financialRules.evaluate(ruleTokens);
        SentimentEstimate estimate = blend(domain, vaderScores, ruleTokens, signal);
        double ruleScore = signal.score();
        List<BankingTopic> sentenceTopics = topics.detect(lowerTokens).stream().map(TopicMatch::topic).toList();
        return new SentenceAnalysis(sentence.text(), sentence.start(), sentence.end(), estimate,
                vaderScores.compound(), ruleScore, sentenceTopics);
    }


    /** Tokens, VADER's scores and the rule signal are computed once and shared by both models and the rule layer. */
    private SentimentEstimate blend(TextDomain domain, VaderScores vaderScores, List<String> ruleTokens,
                                    FinancialDirectionRules.Signal signal) {
        double negative = 0;
        double neutral = 0;
        double positive = 0;
        if (domain.conversationalWeight() > 0) {
            // classes: ambiguous, negative, neutral, positive; "ambiguous" carries no direction
            double[] p = conversational.probabilities(ruleTokens, vaderScores, signal);
            double w = domain.conversationalWeight();
            negative += w * p[1];
            neutral += w * (p[0] + p[2]);
            positive += w * p[3];
        }
        if (domain.financialWeight() > 0) {
            // classes: bearish, bullish, neutral
            double[] p = financial.probabilities(ruleTokens, vaderScores, signal);
            double w = domain.financialWeight();
            negative += w * p[0];
            neutral += w * p[2];
            positive += w * p[1];
        }
        SentimentEstimate fromVader = SentimentEstimate.fromScore(vaderScores.compound());
        double w = domain.vaderWeight();
        negative += w * fromVader.negative();
        neutral += w * fromVader.neutral();
        positive += w * fromVader.positive();
        if (signal.positive() + signal.negative() > 0) {
            SentimentEstimate rule = SentimentEstimate.fromScore(signal.score());
            double keep = 1 - FINANCIAL_RULE_WEIGHT;
            negative = keep * negative + FINANCIAL_RULE_WEIGHT * rule.negative();
            neutral = keep * neutral + FINANCIAL_RULE_WEIGHT * rule.neutral();
            positive = keep * positive + FINANCIAL_RULE_WEIGHT * rule.positive();
        }
        return new SentimentEstimate(negative, neutral, positive);
    }

    private static DocumentAnalysis notAnalysed(AnalysisStatus status, String language, boolean reliable,
                                                RedactedText redacted) {
        return new DocumentAnalysis(status, language, reliable, redacted.text(), redacted.countsByType(),
                Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), "");
    }

    /** Language detection should not see "[CARD]" as an English word. */
    private static String withoutPlaceholders(RedactedText redacted) {
        StringBuilder out = new StringBuilder(redacted.text());
        for (int k = redacted.redactions().size() - 1; k >= 0; k--) {
            RedactedText.Redaction redaction = redacted.redactions().get(k);
            out.replace(redaction.start(), redaction.end(), " ");
        }
        return out.toString();
    }

    /** "en", "EN-gb", "eng" → "eng"; other languages keep their primary subtag (two-letter codes stay two). */
    static String iso639_3(String declared) {
        String primary = declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return primary.equals("en") ? LanguageIdentifier.ENGLISH : primary;
    }
}
