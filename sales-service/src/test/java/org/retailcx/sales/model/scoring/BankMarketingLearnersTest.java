package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both learners on the UCI bank-marketing file without {@code duration} (pdays = 999 as a sentinel for both; linear
 * splines for the logistic regression, none for the trees, which split a column anywhere), under the two protocols
 * of issue 11: random-stratified 5-fold cross-validation (seed 20240601) and a time-ordered 75/25 split (the rows are
 * in date order). The trees' settings are {@link BoostingConfig#defaults()}, chosen on an inner split of the
 * time-ordered training part only; the last 25 % was not looked at before they were fixed. Prints its figures.
 *
 * <p>The trees win the random protocol and lose the time-ordered one badly (0.55 against 0.74): they cannot
 * extrapolate, and what they learn from May 2008 to May 2009 (economic indicators, month and weekday, and their
 * interactions) ranks the leads of mid-2009 to late 2010 little better than chance. The test pins both findings, so a
 * change to either learner that moves them shows here and in the README.
 */
class BankMarketingLearnersTest {

    static final long SEED = 20240601L;
    static final EncoderConfig SENTINEL = EncoderConfig.defaults().excluding("duration").withSentinel("pdays", 999);
    static final Learner LOGISTIC = new LogisticRegressionTrainer(
            TrainerConfig.defaults().withEncoder(SENTINEL.withSplineSegments(10)));
    static final Learner PLAIN_LOGISTIC = new LogisticRegressionTrainer(
            TrainerConfig.defaults().withEncoder(EncoderConfig.defaults().excluding("duration")));
    static final Learner TREES = new GradientBoostingTrainer(BoostingConfig.defaults().withEncoder(SENTINEL));

    private static List<LabeledLead> leads;

    @BeforeAll
    static void load() {
        leads = BankMarketingData.load();
    }

    @Test
    void boostedTreesBeatTheLinearModelInStratifiedFiveFoldCrossValidation() {
        var linear = ModelValidation.crossValidate(LOGISTIC, leads, 5, SEED);
        long start = System.nanoTime();
        var trees = ModelValidation.crossValidate(TREES, leads, 5, SEED);
        double seconds = (System.nanoTime() - start) / 1e9;
        report("5-fold stratified CV, seed %d: logistic regression %.4f ± %.4f %s; boosted trees %.4f ± %.4f %s"
                        + " (%.1f s for the five fits)", SEED, linear.meanAuc(), linear.sdAuc(), linear.foldAuc(),
                trees.meanAuc(), trees.sdAuc(), trees.foldAuc(), seconds);

        assertTrue(trees.meanAuc() > linear.meanAuc(), trees.meanAuc() + " vs " + linear.meanAuc());
    }

    @Test
    void onTheTimeOrderedSplitTheLinearModelsExtrapolateAndTheTreesDoNot() {
        ModelValidation.Split byDate = ModelValidation.orderedHoldout(leads, 0.25);
        ModelEvaluation linear = ModelEvaluation.of(LOGISTIC.train(byDate.training()), byDate.test());
        ModelEvaluation plain = ModelEvaluation.of(PLAIN_LOGISTIC.train(byDate.training()), byDate.test());
        BoostedTreesModel model = (BoostedTreesModel) TREES.train(byDate.training());
        ModelEvaluation trees = ModelEvaluation.of(model, byDate.test());
        report("time-ordered 75/25 (train %d rows, test %d): plain logistic regression AUC %.4f; with splines and the"
                        + " pdays sentinel %.4f; boosted trees (%d trees) %.4f%n%s", byDate.training().size(),
                byDate.test().size(), plain.auc(), linear.auc(), model.trees().size(), trees.auc(), trees.summary());

        assertTrue(linear.auc() > 0.74 && plain.auc() > 0.71, linear.auc() + ", " + plain.auc());
        assertTrue(trees.auc() < plain.auc(), "boosted trees " + trees.auc() + " now beat plain logistic regression"
                + " out of period (" + plain.auc() + "): update the README");
    }

    private static void report(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bank-marketing learners] " + format + "%n", args);
    }
}
