package org.retailcx.personalization.model.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * CUPED (Deng et al. 2013): y_adj = y − θ(x − x̄) with θ = cov(y, x)/var(x), where x is the unit's pre-experiment
 * value. θ is pooled over the arms from within-arm moments, so the treatment effect on y does not leak into it, and
 * x̄ is the grand mean of x, so that the adjustment shifts every arm by the same reference. The adjusted variance
 * var(y) − 2θ cov(y, x) + θ² var(x) is (1 − ρ²) var(y) at the optimum.
 */
public final class Cuped {

    private Cuped() {
    }

    public static double theta(List<CupedArm> arms) {
        double cross = 0;
        double preSquares = 0;
        for (CupedArm arm : arms) {
            cross += arm.crossDeviations();
            preSquares += arm.preDeviationSquares();
        }
        return preSquares == 0 ? 0 : cross / preSquares;
    }

    /** The arms' adjusted metrics, in the order given. */
    public static List<AdjustedMean> adjust(List<CupedArm> arms) {
        double theta = theta(arms);
        double units = 0;
        double preTotal = 0;
        for (CupedArm arm : arms) {
            units += arm.n();
            preTotal += arm.sumPre();
        }
        double grandPreMean = preTotal / units;
        List<AdjustedMean> adjusted = new ArrayList<>(arms.size());
        for (CupedArm arm : arms) {
            double degrees = arm.n() - 1.0;
            double variance = (arm.postDeviationSquares() - 2 * theta * arm.crossDeviations()
                    + theta * theta * arm.preDeviationSquares()) / degrees;
            adjusted.add(new AdjustedMean(arm.postMean() - theta * (arm.preMean() - grandPreMean), variance, arm.n()));
        }
        return adjusted;
    }
}
