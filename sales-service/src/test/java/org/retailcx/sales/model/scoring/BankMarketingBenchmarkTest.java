package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validation protocol on the UCI bank-marketing data (41,188 calls, 11.3 % converted), without
 * {@code duration}, which is only known after the call. Each test prints its figures.
 *
 * <ul>
 *   <li>Model: L2 logistic regression (lambda 1), categories one-hot (levels seen at least 20 times),
 *       numerics standardised plus a linear spline with knots at the training deciles, pdays = 999 ("never
 *       contacted") as a sentinel.</li>
 *   <li>Holdout: stratified 80/20 split, seed 20240601, fixed before any result was seen. Encoder, coefficients
 *       and grade thresholds are learned on the 80 %; every figure on the 20 % is out of sample.</li>
 *   <li>Cross-validation: stratified 5-fold on all rows, seed 20240601: mean and sd of fold AUCs.</li>
 *   <li>Time-ordered split: first 80 % of rows (they are in date order) to train, last 20 % to test.</li>
 * </ul>
 */
class BankMarketingBenchmarkTest {

    static final long SEED = 20240601L;
    static final double TEST_FRACTION = 0.2;
    static final double REQUIRED_AUC = 0.79;

    static final EncoderConfig PLAIN = EncoderConfig.defaults().excluding("duration");
    static final EncoderConfig CHOSEN = PLAIN.withSentinel("pdays", 999).withSplineSegments(10);
    static final LogisticRegressionTrainer TRAINER = new LogisticRegressionTrainer(
            TrainerConfig.defaults().withEncoder(CHOSEN));

    private static List<LabeledLead> leads;
    private static ModelValidation.Split holdout;
    private static ModelEvaluation holdoutEvaluation;

    @BeforeAll
    static void trainOnTheHoldoutSplit() {
        leads = BankMarketingData.load();
        holdout = ModelValidation.stratifiedHoldout(leads, TEST_FRACTION, SEED);
        long start = System.nanoTime();
        LogisticModel model = TRAINER.train(holdout.training());
        double seconds = (System.nanoTime() - start) / 1e9;
        holdoutEvaluation = ModelEvaluation.of(model, holdout.test());
        report("holdout (stratified 80/20, seed %d): trained on %d rows in %.2f s (cold JVM), %d columns, "
                        + "%.0f Newton iterations, thresholds %s%n%s",
                SEED, holdout.training().size(), seconds, model.coefficients().length,
                model.metrics().get("train.newtonIterations"), model.gradeThresholds(), holdoutEvaluation.summary());
    }

    @Test
    void heldOutAucMeetsTheRequirement() {
        assertTrue(holdoutEvaluation.auc() >= REQUIRED_AUC, "holdout AUC " + holdoutEvaluation.auc());
    }

    @Test
    void heldOutProbabilitiesAreCalibrated() {
        assertEquals(0, holdoutEvaluation.calibrationInTheLarge(), 0.02, "mean predicted - observed");
        for (ModelEvaluation.CalibrationBin bin : holdoutEvaluation.calibration()) {
            assertEquals(bin.observedRate(), bin.meanPredicted(), 0.05, "decile " + bin.decile());
        }
    }

    @Test
    void heldOutConversionFallsFromGradeAToD() {
        Map<Grade, ModelEvaluation.GradeConversion> byGrade = holdoutEvaluation.conversionByGrade();
        double a = byGrade.get(Grade.A).conversionRate();
        double b = byGrade.get(Grade.B).conversionRate();
        double c = byGrade.get(Grade.C).conversionRate();
        double d = byGrade.get(Grade.D).conversionRate();

        assertTrue(a > b && b > c && c > d, String.format("A %.3f, B %.3f, C %.3f, D %.3f", a, b, c, d));
    }

    @Test
    void crossValidatedAucMeetsTheRequirementAndPlainRegressionMatchesTheReference() {
        ModelValidation.CrossValidationResult chosen = ModelValidation.crossValidate(TRAINER, leads, 5, SEED);
        ModelValidation.CrossValidationResult plain = ModelValidation.crossValidate(
                new LogisticRegressionTrainer(TrainerConfig.defaults().withEncoder(PLAIN)), leads, 5, SEED);
        double[] gain = new double[5];
        for (int fold = 0; fold < 5; fold++) {
            gain[fold] = chosen.foldAuc().get(fold) - plain.foldAuc().get(fold);
        }
        report("5-fold stratified CV, seed %d: chosen AUC %.4f ± %.4f %s; plain LR %.4f ± %.4f %s; "
                        + "per-fold gain of the chosen model %s",
                SEED, chosen.meanAuc(), chosen.sdAuc(), rounded(chosen.foldAuc()), plain.meanAuc(), plain.sdAuc(),
                rounded(plain.foldAuc()), rounded(gain));

        assertTrue(chosen.meanAuc() >= REQUIRED_AUC, "CV AUC " + chosen.meanAuc());
        // The published reference for plain logistic regression on this file is about 0.79.
        assertEquals(0.79, plain.meanAuc(), 0.01);
    }

    @Test
    void timeOrderedSplitIsReportedAndDoesNotCollapse() {
        ModelValidation.Split byDate = ModelValidation.orderedHoldout(leads, TEST_FRACTION);
        ModelEvaluation chosen = ModelEvaluation.of(TRAINER.train(byDate.training()), byDate.test());
        ModelEvaluation plain = ModelEvaluation.of(
                new LogisticRegressionTrainer(TrainerConfig.defaults().withEncoder(PLAIN)).train(byDate.training()),
                byDate.test());
        report("time-ordered split (first %d rows train, last %d test): chosen model%n%splain LR: AUC %.4f, "
                        + "mean predicted - observed %+.4f",
                byDate.training().size(), byDate.test().size(), chosen.summary(), plain.auc(),
                plain.calibrationInTheLarge());

        // One-hot bins on the economic indicators gave 0.66 here (and 0.80 on random splits): guard against that.
        assertTrue(chosen.auc() > 0.70, "time-ordered AUC " + chosen.auc());
    }

    @Test
    void holdoutAucOverTwentySeeds() {
        double sum = 0;
        double min = 1;
        double max = 0;
        int below = 0;
        for (long seed = 1; seed <= 20; seed++) {
            ModelValidation.Split split = ModelValidation.stratifiedHoldout(leads, TEST_FRACTION, seed);
            double auc = ModelEvaluation.of(TRAINER.train(split.training()), split.test()).auc();
            sum += auc;
            min = Math.min(min, auc);
            max = Math.max(max, auc);
            below += auc < REQUIRED_AUC ? 1 : 0;
        }
        report("holdout AUC over seeds 1..20: mean %.4f, min %.4f, max %.4f, %d of 20 below %.2f",
                sum / 20, min, max, below, REQUIRED_AUC);

        assertTrue(sum / 20 >= REQUIRED_AUC, "mean holdout AUC over seeds " + sum / 20);
    }

    @Test
    void trainsOnAllRowsQuicklyAndTheModelSurvivesJson() {
        TRAINER.train(holdout.training()); // warm the JIT, so the figure below is the steady-state cost
        long start = System.nanoTime();
        LogisticModel model = TRAINER.train(leads);
        double seconds = (System.nanoTime() - start) / 1e9;
        String json = model.toJson();
        report("full data: trained on %d rows in %.2f s (warm JVM), %d columns; model JSON %d characters; "
                        + "train AUC %.4f; thresholds %s",
                leads.size(), seconds, model.coefficients().length, json.length(), model.metrics().get("train.auc"),
                model.gradeThresholds());

        assertEquals(model, LogisticModel.fromJson(json));
    }

    private static String rounded(List<Double> values) {
        return rounded(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String rounded(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (double value : values) {
            text.append(text.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", value));
        }
        return text.append("]").toString();
    }

    private static void report(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bank-marketing] " + format + "%n", args);
    }
}
