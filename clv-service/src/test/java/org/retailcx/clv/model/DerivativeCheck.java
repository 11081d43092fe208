package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks an objective's analytic gradient and Hessian against central differences of its value and gradient. */
final class DerivativeCheck {

    private DerivativeCheck() {
    }

    static void assertMatchesFiniteDifferences(MaximumLikelihood.Objective objective, double[] at) {
        int n = at.length;
        double[] gradient = new double[n];
        double[][] hessian = new double[n][n];
        objective.evaluate(at, gradient, hessian);
        for (int i = 0; i < n; i++) {
            double h = 1e-6 * at[i];
            double[] up = at.clone();
            double[] down = at.clone();
            up[i] += h;
            down[i] -= h;
            double[] gUp = new double[n];
            double[] gDown = new double[n];
            double fUp = objective.evaluate(up, gUp, new double[n][n]);
            double fDown = objective.evaluate(down, gDown, new double[n][n]);
            assertEquals((fUp - fDown) / (2 * h), gradient[i], 1e-5 * Math.max(1, Math.abs(gradient[i])), "d/d" + i);
            for (int j = 0; j < n; j++) {
                assertEquals((gUp[j] - gDown[j]) / (2 * h), hessian[i][j], 1e-5 * Math.max(1, Math.abs(hessian[i][j])),
                        "d2/d" + i + "d" + j);
            }
        }
    }
}
