package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradePolicyTest {

    @Test
    void defaultSharesAreTenTwentyThirtyForty() {
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = (i + 1) / 100.0; // 0.01 .. 1.00, shuffled order does not matter
        }

        GradeThresholds thresholds = GradePolicy.defaults().thresholdsFor(scores);

        assertEquals(new GradeThresholds(0.91, 0.71, 0.41), thresholds);
        int[] perGrade = new int[4];
        for (double score : scores) {
            perGrade[thresholds.gradeOf(score).ordinal()]++;
        }
        assertEquals(10, perGrade[0]);
        assertEquals(20, perGrade[1]);
        assertEquals(30, perGrade[2]);
        assertEquals(40, perGrade[3]);
    }

    @Test
    void aLeadOnACutOffGetsTheBetterGrade() {
        GradeThresholds thresholds = new GradeThresholds(0.3, 0.2, 0.1);

        assertEquals(Grade.A, thresholds.gradeOf(0.3));
        assertEquals(Grade.B, thresholds.gradeOf(0.2999));
        assertEquals(Grade.C, thresholds.gradeOf(0.1));
        assertEquals(Grade.D, thresholds.gradeOf(0.0));
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThrows(IllegalArgumentException.class, () -> new GradePolicy(0.5, 0.3, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new GradePolicy(0.1, 0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new GradeThresholds(0.1, 0.2, 0.05));
        assertThrows(IllegalArgumentException.class, () -> GradePolicy.defaults().thresholdsFor(new double[0]));
    }
}
