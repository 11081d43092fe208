package org.retailcx.sales.model.scoring;

/**
 * Probability cut-offs for the grades: a lead is A if its probability is at least {@code minimumA}, B if at
 * least {@code minimumB}, C if at least {@code minimumC}, D otherwise. Fixed at training time, so a lead's
 * grade depends on the lead alone, not on which other leads arrived that day.
 */
public record GradeThresholds(double minimumA, double minimumB, double minimumC) {

    public GradeThresholds {
        if (!(0 <= minimumC && minimumC <= minimumB && minimumB <= minimumA && minimumA <= 1)) {
            throw new IllegalArgumentException("need 0 <= minimumC <= minimumB <= minimumA <= 1, got "
                    + minimumA + ", " + minimumB + ", " + minimumC);
        }
    }

    public Grade gradeOf(double probability) {
        if (probability >= minimumA) {
            return Grade.A;
        }
        if (probability >= minimumB) {
            return Grade.B;
        }
        return probability >= minimumC ? Grade.C : Grade.D;
    }
}
