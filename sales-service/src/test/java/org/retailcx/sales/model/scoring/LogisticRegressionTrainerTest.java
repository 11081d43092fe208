package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.junit.jupiter.api.Test;

class LogisticRegressionTrainerTest {

    private static final LogisticRegressionTrainer TRAINER = new LogisticRegressionTrainer(TrainerConfig.defaults());

    @Test
    void recoversTheCoefficientsOfAKnownModel() {
        List<LabeledLead> leads = SyntheticLeads.generate(20_000, 42);
        LogisticModel model = new LogisticRegressionTrainer(TrainerConfig.defaults().withL2Penalty(1e-3)).train(leads);

        List<String> columns = model.encoder().columnNames();
        double[] w = model.coefficients();
        double incomeSd = model.encoder().numericFeatures().get(0).standardDeviation();
        double segmentA = w[columns.indexOf("segment=a")];
        assertEquals(SyntheticLeads.INCOME_SLOPE, w[columns.indexOf("income")] / incomeSd, 0.08);
        assertEquals(SyntheticLeads.SEGMENT_B, w[columns.indexOf("segment=b")] - segmentA, 0.12);
        assertEquals(SyntheticLeads.SEGMENT_C, w[columns.indexOf("segment=c")] - segmentA, 0.12);
    }

    @Test
    void newtonReachesTheSameOptimumAsHipparchusConjugateGradient() {
        Random random = new Random(7);
        int n = 400;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            double logit = 0.3 + 1.2 * x[i][0] - 0.7 * x[i][1];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        double lambda = 2.5;

        LogisticRegressionTrainer.LogisticFit newton = LogisticRegressionTrainer.fit(x, y, lambda);

        PointValuePair cg = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-15, 1e-15),
                1e-12, 1e-12, 1) // tight line search, so that CG gets to the optimum
                .optimize(new MaxEval(100_000), GoalType.MINIMIZE, new InitialGuess(new double[4]),
                        new ObjectiveFunction(beta -> penalisedLoss(x, y, beta, lambda)),
                        new ObjectiveFunctionGradient(beta -> penalisedGradient(x, y, beta, lambda)));
        double[] newtonBeta = {newton.intercept(), newton.weights()[0], newton.weights()[1], newton.weights()[2]};
        assertArrayEquals(cg.getPoint(), newtonBeta, 1e-6);
        // And the gradient, computed here independently of the trainer, vanishes at Newton's answer.
        for (double g : penalisedGradient(x, y, newtonBeta, lambda)) {
            assertEquals(0, g, 1e-8);
        }
        assertTrue(newton.iterations() <= 10, "Newton iterations: " + newton.iterations());
    }

    @Test
    void isDeterministic() {
        List<LabeledLead> leads = SyntheticLeads.generate(3_000, 3);

        assertEquals(TRAINER.train(leads), TRAINER.train(leads));
    }

    @Test
    void recordsTrainingMetricsInTheModel() {
        LogisticModel model = TRAINER.train(SyntheticLeads.generate(3_000, 5));

        assertTrue(model.metrics().get("train.auc") > 0.7, model.metrics().toString());
        assertEquals(3_000, model.metrics().get("train.rows"));
        assertTrue(model.metrics().keySet().containsAll(List.of("train.brier", "train.logLoss", "train.conversionRate")));
    }

    @Test
    void refusesTrainingDataWithOneOutcomeOnly() {
        List<LabeledLead> allLost = new ArrayList<>();
        SyntheticLeads.generate(500, 1).forEach(lead -> allLost.add(new LabeledLead(lead.lead(), false)));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TRAINER.train(allLost));
        assertTrue(error.getMessage().contains("only one outcome"), error.getMessage());
    }

    @Test
    void refusesTooFewRows() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TRAINER.train(SyntheticLeads.generate(99, 1)));
        assertTrue(error.getMessage().contains("too few training rows"), error.getMessage());
    }

    @Test
    void refusesTrainingDataWithoutFeatures() {
        List<LabeledLead> featureless = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            featureless.add(new LabeledLead(LeadFeatures.of(Map.of("duration", i)), i % 3 == 0));
        }
        LogisticRegressionTrainer withoutDuration = new LogisticRegressionTrainer(TrainerConfig.defaults()
                .withEncoder(EncoderConfig.defaults().excluding("duration")));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> withoutDuration.train(featureless));
        assertTrue(error.getMessage().contains("no usable features"), error.getMessage());
    }

    @Test
    void refusesANonPositivePenalty() {
        assertThrows(IllegalArgumentException.class, () -> TrainerConfig.defaults().withL2Penalty(0));
    }

    private static double penalisedLoss(double[][] x, boolean[] y, double[] beta, double lambda) {
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double eta = beta[0];
            for (int j = 0; j < x[i].length; j++) {
                eta += beta[j + 1] * x[i][j];
            }
            loss += Math.log1p(Math.exp(-Math.abs(eta))) + Math.max(eta, 0) - (y[i] ? eta : 0);
        }
        for (int j = 1; j < beta.length; j++) {
            loss += lambda / 2 * beta[j] * beta[j];
        }
        return loss;
    }

    private static double[] penalisedGradient(double[][] x, boolean[] y, double[] beta, double lambda) {
        double[] gradient = new double[beta.length];
        for (int i = 0; i < x.length; i++) {
            double eta = beta[0];
            for (int j = 0; j < x[i].length; j++) {
                eta += beta[j + 1] * x[i][j];
            }
            double residual = 1 / (1 + Math.exp(-eta)) - (y[i] ? 1 : 0);
            gradient[0] += residual;
            for (int j = 0; j < x[i].length; j++) {
                gradient[j + 1] += residual * x[i][j];
            }
        }
        for (int j = 1; j < beta.length; j++) {
            gradient[j] += lambda * beta[j];
        }
        return gradient;
    }
}
