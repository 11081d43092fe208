package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelEvaluationTest {

    private static final double EPS = 1e-12;

    @Test
    void aucCountsTiesAsHalf() {
        assertEquals(0.75, ModelEvaluation.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}), EPS);
        // Pairs (positive, negative): (0.5, 0.2) = 1, (0.5, 0.5) = 1/2, (0.9, 0.2) = 1, (0.9, 0.5) = 1.
        assertEquals(0.875, ModelEvaluation.auc(new double[] {0.2, 0.5, 0.5, 0.9}, new boolean[] {false, true, false, true}), EPS);
        assertEquals(0.5, ModelEvaluation.auc(new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, false}), EPS);
        assertEquals(0.0, ModelEvaluation.auc(new double[] {0.1, 0.9}, new boolean[] {true, false}), EPS);
    }

    @Test
    void aucMatchesPairCountingOnDataWithManyTies() {
        Random random = new Random(11);
        int n = 2_000;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(20) / 20.0; // 20 distinct values: ties everywhere
            positive[i] = random.nextDouble() < 0.2 + 0.5 * scores[i];
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (positive[i] && !positive[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, ModelEvaluation.auc(scores, positive), 1e-12);
    }

    @Test
    void aucNeedsBothOutcomes() {
        assertThrows(IllegalArgumentException.class,
                () -> ModelEvaluation.auc(new double[] {0.2, 0.4}, new boolean[] {true, true}));
    }

    @Test
    void brierScoreAndLogLoss() {
        double[] p = {0.8, 0.3};
        boolean[] y = {true, false};

        assertEquals((0.04 + 0.09) / 2, ModelEvaluation.brierScore(p, y), EPS);
        assertEquals(-(Math.log(0.8) + Math.log(0.7)) / 2, ModelEvaluation.logLoss(p, y), EPS);
        // A certain miss is heavily penalised but stays finite.
        double certainMiss = ModelEvaluation.logLoss(new double[] {0.0}, new boolean[] {true});
        assertTrue(certainMiss > 30 && Double.isFinite(certainMiss), "log loss " + certainMiss);
    }

    @Test
    void calibrationTableHasTenEqualBinsByAscendingProbability() {
        double[] p = new double[100];
        boolean[] y = new boolean[100];
        for (int i = 0; i < 100; i++) {
            p[99 - i] = i / 100.0; // given in descending order, to check the sort
            y[99 - i] = i % 10 < i / 10; // decile d (0-based) converts d of its 10 leads
        }

        List<ModelEvaluation.CalibrationBin> bins = ModelEvaluation.calibrationByDecile(p, y);

        assertEquals(10, bins.size());
        for (int d = 0; d < 10; d++) {
            ModelEvaluation.CalibrationBin bin = bins.get(d);
            assertEquals(d + 1, bin.decile());
            assertEquals(10, bin.count());
            assertEquals(d / 10.0 + 0.045, bin.meanPredicted(), 1e-9);
            assertEquals(d / 10.0, bin.observedRate(), EPS);
        }
    }

    @Test
    void conversionByGradeCoversEveryGrade() {
        GradeThresholds thresholds = new GradeThresholds(0.6, 0.4, 0.2);
        double[] p = {0.9, 0.7, 0.5, 0.45, 0.3, 0.1, 0.05};
        boolean[] y = {true, false, true, false, false, false, true};

        Map<Grade, ModelEvaluation.GradeConversion> byGrade = ModelEvaluation.conversionByGrade(p, y, thresholds);

        assertEquals(new ModelEvaluation.GradeConversion(Grade.A, 2, 1, 0.5), byGrade.get(Grade.A));
        assertEquals(new ModelEvaluation.GradeConversion(Grade.B, 2, 1, 0.5), byGrade.get(Grade.B));
        assertEquals(new ModelEvaluation.GradeConversion(Grade.C, 1, 0, 0.0), byGrade.get(Grade.C));
        assertEquals(new ModelEvaluation.GradeConversion(Grade.D, 2, 1, 0.5), byGrade.get(Grade.D));
    }

    @Test
    void summarisesEverything() {
        double[] p = {0.9, 0.7, 0.5, 0.45, 0.3, 0.1, 0.05, 0.02, 0.6, 0.2};
        boolean[] y = {true, false, true, false, false, false, true, false, true, false};

        ModelEvaluation evaluation = ModelEvaluation.of(p, y, new GradeThresholds(0.6, 0.4, 0.2));

        assertEquals(10, evaluation.count());
        assertEquals(4, evaluation.conversions());
        assertEquals(0.382 - 0.4, evaluation.calibrationInTheLarge(), 1e-12);
        assertEquals(ModelEvaluation.auc(p, y), evaluation.auc(), EPS);
        assertTrue(evaluation.summary().contains("AUC="), evaluation.summary());
    }

    @Test
    void liftAndGainsRankTheBestScoredLeadsFirst() {
        // 20 leads: the top 2 by score both convert, 2 more convert further down; 4 of 20 overall (20 %)
        double[] p = new double[20];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 20; i++) {
            p[i] = (20 - i) / 21.0;
        }
        y[0] = y[1] = y[5] = y[12] = true;
        List<ModelEvaluation.GainsBin> gains = ModelEvaluation.gainsByDecile(p, y);
        assertEquals(10, gains.size());
        assertEquals(2, gains.get(0).conversions());
        assertEquals(5.0, gains.get(0).lift(), 1e-12); // 100 % against 20 %
        assertEquals(0.5, gains.get(0).cumulativeGain(), 1e-12);
        assertEquals(0.75, gains.get(2).cumulativeGain(), 1e-12);
        assertEquals(1.0, gains.get(9).cumulativeGain(), 1e-12);
        assertEquals(1.0, gains.get(9).cumulativeLift(), 1e-12);
        assertEquals(0.1, gains.get(0).cumulativeShareOfLeads(), 1e-12);
    }
}
