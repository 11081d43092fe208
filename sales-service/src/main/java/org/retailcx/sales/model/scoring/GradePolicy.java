package org.retailcx.sales.model.scoring;

import java.util.Arrays;

/**
 * The rule that turns the training score distribution into {@link GradeThresholds}: grade A is the top
 * {@code shareA} of training scores, B the next {@code shareB}, C the next {@code shareC}, D the rest.
 *
 * <p>Shares rather than fixed probabilities because sales ops plan call capacity: "A = the best 10 % of
 * leads" is a volume a team can staff, and it keeps its meaning when the base rate moves. The cut-offs are
 * then frozen as probabilities, so if A grows from 10 % of new leads to 15 %, that shows a real shift in the
 * lead mix instead of being hidden by re-ranking.
 */
public record GradePolicy(double shareA, double shareB, double shareC) {

    public GradePolicy {
        if (!(shareA > 0 && shareB > 0 && shareC > 0 && shareA + shareB + shareC < 1)) {
            throw new IllegalArgumentException("grade shares must be > 0 and leave room for D: "
                    + shareA + ", " + shareB + ", " + shareC);
        }
    }

    /** A = top 10 %, B = next 20 %, C = next 30 %, D = bottom 40 %. */
    public static GradePolicy defaults() {
        return new GradePolicy(0.10, 0.20, 0.30);
    }

    /** Cut-offs at the score quantiles; a lead tied with a cut-off gets the better grade. */
    public GradeThresholds thresholdsFor(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("cannot derive grade thresholds from no scores");
        }
        double[] descending = Arrays.stream(scores).map(s -> -s).sorted().map(s -> -s).toArray();
        return new GradeThresholds(
                scoreAtShare(descending, shareA),
                scoreAtShare(descending, shareA + shareB),
                scoreAtShare(descending, shareA + shareB + shareC));
    }

    private static double scoreAtShare(double[] descending, double share) {
        // Rounded, not ceiled: 0.1 + 0.2 is a hair above 0.3 in floating point.
        int index = (int) Math.round(share * descending.length) - 1;
        return descending[Math.max(0, index)];
    }
}
