package org.retailcx.personalization.model.stats;

/**
 * One arm's sufficient statistics for CUPED: the post-period metric y, the pre-period covariate x (the same metric
 * before the experiment) and their cross products.
 */
public record CupedArm(long n, double sumPost, double sumPostSquares, double sumPre, double sumPreSquares,
                       double sumPostTimesPre) {

    double postMean() {
        return sumPost / n;
    }

    double preMean() {
        return sumPre / n;
    }

    /** Within-arm sums of squared deviations and cross deviations (n − 1 times the sample moments). */
    double preDeviationSquares() {
        return sumPreSquares - sumPre * sumPre / n;
    }

    double postDeviationSquares() {
        return sumPostSquares - sumPost * sumPost / n;
    }

    double crossDeviations() {
        return sumPostTimesPre - sumPost * sumPre / n;
    }
}
