package org.retailcx.sentiment.model.classifier;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.retailcx.sentiment.model.vader.VaderAnalyzer;

/**
 * Trains the two shipped classifiers from the shared labelled sets and writes them as resources:
 * <pre>
 * java -cp … org.retailcx.sentiment.model.classifier.SentimentModelTrainer ../shared/data/sentiment \
 *      sentiment-service/src/main/resources/org/retailcx/sentiment/model/classifier
 * </pre>
 * The financial model learns from {@code tfns/sent_train.csv} only, the conversational one from
 * {@code goemotions/sentiment_group_train.tsv} only. The financial settings were chosen on a held-out fifth of
 * sent_train, never on sent_valid; the conversational model reuses them (its dev split is reported beside test).
 * Training is deterministic: the same data gives the same weights, and each model records the SHA-256 of its
 * training file.
 */
public final class SentimentModelTrainer {

    public static final List<String> FINANCIAL_CLASSES = List.of("bearish", "bullish", "neutral");
    public static final List<String> CONVERSATIONAL_CLASSES = List.of("ambiguous", "negative", "neutral", "positive");

    public static final TextFeatures.Settings FINANCIAL_FEATURES = new TextFeatures.Settings(2, 2, 5, 1.0, 0.3);
    public static final SoftmaxRegressionTrainer.Options FINANCIAL_OPTIONS =
            new SoftmaxRegressionTrainer.Options(1e-5, 300, 2);
    public static final TextFeatures.Settings CONVERSATIONAL_FEATURES = new TextFeatures.Settings(2, 2, 5, 1.0, 0.3);
    public static final SoftmaxRegressionTrainer.Options CONVERSATIONAL_OPTIONS =
            new SoftmaxRegressionTrainer.Options(1e-5, 300, 2);

    private SentimentModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SentimentModelTrainer <shared/data/sentiment dir> <output resource dir>");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        VaderAnalyzer vader = VaderAnalyzer.fromClasspath();
        AfinnLexicon afinn = AfinnLexicon.fromClasspath();

        LinearTextClassifier financial = trainFinancial(data.resolve("tfns/sent_train.csv"), vader, afinn);
        write(financial, output.resolve("financial-v1.bin.gz"));
        System.out.println("financial on sent_valid: " + evaluate(financial, FINANCIAL_CLASSES,
                LabelledCorpora.readTfns(data.resolve("tfns/sent_valid.csv"))));

        LinearTextClassifier conversational =
                trainConversational(data.resolve("goemotions/sentiment_group_train.tsv"), vader, afinn);
        write(conversational, output.resolve("conversational-v1.bin.gz"));
        System.out.println("conversational on GoEmotions dev: " + evaluate(conversational, CONVERSATIONAL_CLASSES,
                LabelledCorpora.readGoEmotionsGroups(data.resolve("goemotions/sentiment_group_dev.tsv"))));
        System.out.println("conversational on GoEmotions test: " + evaluate(conversational, CONVERSATIONAL_CLASSES,
                LabelledCorpora.readGoEmotionsGroups(data.resolve("goemotions/sentiment_group_test.tsv"))));
    }

    public static LinearTextClassifier trainFinancial(Path sentTrain, VaderAnalyzer vader, AfinnLexicon afinn)
            throws IOException {
        return new SoftmaxRegressionTrainer(FINANCIAL_OPTIONS).train("financial-v1", FINANCIAL_CLASSES,
                new TextFeatures(FINANCIAL_FEATURES, vader, afinn), LabelledCorpora.readTfns(sentTrain),
                "tfns/sent_train.csv sha256=" + sha256(sentTrain)).classifier();
    }

    public static LinearTextClassifier trainConversational(Path train, VaderAnalyzer vader, AfinnLexicon afinn)
            throws IOException {
        return new SoftmaxRegressionTrainer(CONVERSATIONAL_OPTIONS).train("conversational-v1", CONVERSATIONAL_CLASSES,
                new TextFeatures(CONVERSATIONAL_FEATURES, vader, afinn), LabelledCorpora.readGoEmotionsGroups(train),
                "goemotions/sentiment_group_train.tsv sha256=" + sha256(train)).classifier();
    }

    public static ClassificationReport evaluate(LinearTextClassifier classifier, List<String> classes,
                                                List<LabelledText> examples) {
        int[] predictions = examples.stream().mapToInt(example -> classifier.predict(example.text())).toArray();
        return ClassificationReport.of(classes, examples, predictions);
    }

    private static void write(LinearTextClassifier classifier, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            classifier.write(out);
        }
        System.out.printf("wrote %s (%d features, %d bytes): %s%n", file, classifier.featureCount(), Files.size(file),
                classifier.provenance());
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
