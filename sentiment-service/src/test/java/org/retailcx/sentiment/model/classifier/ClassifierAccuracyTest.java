package org.retailcx.sentiment.model.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.retailcx.sentiment.model.SharedData;
import org.retailcx.sentiment.model.analysis.SentimentAnalyzer;
import org.retailcx.sentiment.model.vader.VaderAnalyzer;

/**
 * The shipped classifiers against the labelled sets they were not trained on, and a check that the shipped
 * financial model is exactly what {@link SentimentModelTrainer} makes from sent_train today.
 */
class ClassifierAccuracyTest {

    private static final VaderAnalyzer VADER = VaderAnalyzer.fromClasspath();
    private static final AfinnLexicon AFINN = AfinnLexicon.fromClasspath();
    private static final Path DATA = SharedData.sentiment();

    @Test
    void financialModelOnTfnsValidation() throws IOException {
        LinearTextClassifier model = SentimentAnalyzer.loadModel(SentimentAnalyzer.FINANCIAL_MODEL, VADER, AFINN);
        List<LabelledText> valid = LabelledCorpora.readTfns(DATA.resolve("tfns/sent_valid.csv"));
        assertEquals(2_388, valid.size());
        ClassificationReport report = SentimentModelTrainer.evaluate(model, SentimentModelTrainer.FINANCIAL_CLASSES,
                valid);
        System.out.println("financial-v1 on tfns/sent_valid: " + report);
        ClassificationReport vaderReport = vaderOnTfns(valid);
        System.out.println("VADER alone on tfns/sent_valid: " + vaderReport);
        assertTrue(report.accuracy() >= FINANCIAL_ACCURACY_FLOOR, report.toString());
        assertTrue(report.macroF1() >= FINANCIAL_MACRO_F1_FLOOR, report.toString());
        assertTrue(report.accuracy() > vaderReport.accuracy() + 0.2, "should beat VADER by a wide margin");
    }

    @Test
    void conversationalModelOnGoEmotionsTest() throws IOException {
        LinearTextClassifier model = SentimentAnalyzer.loadModel(SentimentAnalyzer.CONVERSATIONAL_MODEL, VADER, AFINN);
        List<LabelledText> test = LabelledCorpora.readGoEmotionsGroups(
                DATA.resolve("goemotions/sentiment_group_test.tsv"));
        assertEquals(5_427, test.size());
        ClassificationReport report = SentimentModelTrainer.evaluate(model,
                SentimentModelTrainer.CONVERSATIONAL_CLASSES, test);
        System.out.println("conversational-v1 on GoEmotions test: " + report);
        assertTrue(report.accuracy() >= CONVERSATIONAL_ACCURACY_FLOOR, report.toString());
        assertTrue(model.provenance().contains("sha256=" + SentimentModelTrainer.sha256(
                DATA.resolve("goemotions/sentiment_group_train.tsv"))), model.provenance());
    }

    @Test
    void shippedFinancialModelIsWhatTheTrainerMakesFromSentTrain() throws IOException {
        Path train = DATA.resolve("tfns/sent_train.csv");
        LinearTextClassifier shipped = SentimentAnalyzer.loadModel(SentimentAnalyzer.FINANCIAL_MODEL, VADER, AFINN);
        assertTrue(shipped.provenance().contains("sha256=" + SentimentModelTrainer.sha256(train)),
                shipped.provenance());
        LinearTextClassifier retrained = SentimentModelTrainer.trainFinancial(train, VADER, AFINN);
        assertEquals(shipped.provenance(), retrained.provenance());
        for (LabelledText example : LabelledCorpora.readTfns(DATA.resolve("tfns/sent_valid.csv")).subList(0, 300)) {
            assertArrayEquals(shipped.probabilities(example.text()), retrained.probabilities(example.text()), 1e-5,
                    example.text());
        }
    }

    /** VADER's usual thresholds (±0.05) as bearish / neutral / bullish. */
    private static ClassificationReport vaderOnTfns(List<LabelledText> examples) {
        int[] predictions = examples.stream().mapToInt(example -> switch (VADER.score(example.text()).polarity()) {
            case 1 -> 1;
            case -1 -> 0;
            default -> 2;
        }).toArray();
        return ClassificationReport.of(SentimentModelTrainer.FINANCIAL_CLASSES, examples, predictions);
    }

    // measured figures (README), rounded down: a drop below them is a regression
    private static final double FINANCIAL_ACCURACY_FLOOR = 0.85;
    private static final double FINANCIAL_MACRO_F1_FLOOR = 0.79;
    private static final double CONVERSATIONAL_ACCURACY_FLOOR = 0.69;
}
