package org.retailcx.clv.model;

import java.util.Arrays;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * Maximises a log-likelihood over the logarithms of positive parameters by Newton's method on its analytic gradient
 * and Hessian (one pass over the data gives all three), damped Levenberg–Marquardt style where the surface is not
 * concave or a step does not improve it, then verifies that the result is a genuine, well-determined maximum, so that
 * a fit never returns garbage:
 * <ol>
 *   <li>the Hessian is negative definite (a maximum, not a plateau or saddle);</li>
 *   <li>the Newton step from there is negligible (the likelihood is not still rising slowly towards infinity, as it
 *       does when the data favour a limiting case of the model);</li>
 *   <li>no parameter sits near the search bounds e^±20;</li>
 *   <li>every log-parameter's approximate standard error, from the observed information, is within
 *       {@link FitOptions#maxLogStandardError()}.</li>
 * </ol>
 * The first three failures are {@code NON_CONVERGENCE}, the last {@code INSUFFICIENT_DATA}. Newton's quadratic
 * convergence needs a dozen or so passes over the data where a derivative-free search needed a hundred or more.
 */
final class MaximumLikelihood {

    private static final double LOG_BOUND = 20;
    private static final double BOUNDARY_MARGIN = 1;
    /** Longest step, in log-parameters, taken at once: a factor e² either way keeps far-off steps from overflowing. */
    private static final double MAX_STEP = 2;
    /** A Newton step this small (log-parameters) means the maximum is reached: the next would be below 1e-14. */
    private static final double CONVERGED_STEP = 1e-7;
    /** Newton steps up to this size, where the Hessian is negative definite, are taken without damping. */
    private static final double TRUSTED_STEP = 1e-2;
    /** Largest Newton step, in log-parameters (a relative change of 0.01 %), accepted at an optimum. */
    private static final double NEWTON_STEP_TOLERANCE = 1e-4;
    /** Damping beyond this multiple of the curvature cannot move the point any more: stop and let the checks judge. */
    private static final double MAX_DAMPING = 1e16;

    /**
     * A log-likelihood with its derivatives.
     */
    @FunctionalInterface
    interface Objective {
        /**
         * @param parameters the (positive) parameters
         * @param gradient   filled with the gradient with respect to the parameters
         * @param hessian    filled with the Hessian with respect to the parameters
         * @return the total log-likelihood (non-finite where it overflows)
         */
        double evaluate(double[] parameters, double[] gradient, double[][] hessian);
    }

    record Optimum(double[] logParameters, double meanLogLikelihood, int evaluations) {
    }

    /** The mean log-likelihood at a point with its gradient and Hessian in log-parameters. */
    private record Point(double[] theta, double value, double[] gradient, double[][] hessian) {
    }

    /** Slope and curvature of the mean log-likelihood at a point. */
    private record LocalShape(double[] newtonStep, double largestEigenvalue, RealMatrix inverseHessian) {

        boolean isMaximum() {
            return largestEigenvalue < 0;
        }

        double newtonStepSize() {
            return maxAbs(newtonStep);
        }
    }

    private MaximumLikelihood() {
    }

    static Optimum maximise(String model, String[] names, Objective objective, double[] logStart, int observations,
            FitOptions options) {
        Point current = evaluate(objective, clamp(logStart, LOG_BOUND - 2 * BOUNDARY_MARGIN), observations);
        if (!Double.isFinite(current.value())) {
            throw new ModelFitException(ModelFitException.Reason.NON_CONVERGENCE,
                    model + " log-likelihood is not finite at the starting point " + Arrays.toString(logStart));
        }
        int evaluations = 1;
        double damping = 0;
        search:
        while (true) {
            double scale = curvatureScale(current.hessian());
            double[] newton = solve(current, 0);
            if (newton != null && maxAbs(newton) <= CONVERGED_STEP) {
                break;
            }
            if (evaluations >= options.maxEvaluations()) {
                throw notConverged(model, names, optimum(current, evaluations), "the evaluation budget of "
                        + options.maxEvaluations() + " likelihood evaluations ran out");
            }
            // Close to a maximum the quadratic model is trustworthy: take the full Newton step (quadratic
            // convergence). Elsewhere, or when a step failed, damp it towards steepest ascent.
            boolean trusted = newton != null && maxAbs(newton) <= TRUSTED_STEP;
            double[] step = trusted || damping == 0 ? newton : null;
            if (step == null) {
                damping = damping == 0 ? 1e-3 * scale : damping;
                while ((step = solve(current, damping)) == null) {
                    damping *= 10;
                    if (!(damping <= MAX_DAMPING * scale)) {
                        break search;
                    }
                }
            }
            double longest = maxAbs(step);
            if (longest > MAX_STEP) {
                for (int i = 0; i < step.length; i++) {
                    step[i] *= MAX_STEP / longest;
                }
            }
            double[] theta = current.theta().clone();
            for (int i = 0; i < theta.length; i++) {
                theta[i] += step[i];
            }
            theta = clamp(theta, LOG_BOUND);
            if (Arrays.equals(theta, current.theta())) {
                break; // pinned at the bounds: the checks below say so
            }
            Point next = evaluate(objective, theta, observations);
            evaluations++;
            // a trusted step's gain can be below the rounding noise of a sum over many customers
            double noise = trusted ? 1e-12 * Math.abs(current.value()) : 0;
            if (next.value() > current.value() - noise) {
                current = next;
                damping = trusted || damping < 1e-5 * scale ? 0 : damping / 10;
            } else {
                damping = Math.max(10 * damping, 1e-3 * scale);
                if (damping > MAX_DAMPING * scale) {
                    break; // no direction improves it: the checks below judge the point
                }
            }
        }
        Optimum optimum = optimum(current, evaluations);
        LocalShape shape = localShape(current);
        if (!shape.isMaximum()) {
            throw notConverged(model, names, optimum, "the likelihood is flat or saddle-shaped there (largest Hessian"
                    + " eigenvalue " + shape.largestEigenvalue() + "), so the data do not identify the parameters");
        }
        if (shape.newtonStepSize() > NEWTON_STEP_TOLERANCE) {
            throw notConverged(model, names, optimum, "the likelihood is still rising (Newton step "
                    + shape.newtonStepSize() + " in log-parameters), so the data favour a limiting case of the model");
        }
        double[] theta = optimum.logParameters();
        for (int i = 0; i < theta.length; i++) {
            if (Math.abs(theta[i]) > LOG_BOUND - BOUNDARY_MARGIN) {
                throw notConverged(model, names, optimum, "parameter " + names[i] + " ran to the search bound");
            }
        }
        checkStandardErrors(model, names, optimum, shape, observations, options.maxLogStandardError());
        return optimum;
    }

    private static Optimum optimum(Point p, int evaluations) {
        return new Optimum(p.theta(), p.value(), evaluations);
    }

    /**
     * The objective at θ = log-parameters, as a mean over the observations, with the chain rule for log-parameters:
     * ∂ℓ/∂θ_i = p_i ∂ℓ/∂p_i and ∂²ℓ/∂θ_i∂θ_j = p_i p_j ∂²ℓ/∂p_i∂p_j + δ_ij p_i ∂ℓ/∂p_i.
     */
    private static Point evaluate(Objective objective, double[] theta, int observations) {
        int n = theta.length;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(theta[i]);
        }
        double[] g = new double[n];
        double[][] h = new double[n][n];
        double value = objective.evaluate(p, g, h);
        double[] gradient = new double[n];
        double[][] hessian = new double[n][n];
        boolean finite = Double.isFinite(value);
        for (int i = 0; i < n; i++) {
            gradient[i] = p[i] * g[i] / observations;
            for (int j = 0; j < n; j++) {
                hessian[i][j] = (p[i] * p[j] * h[i][j] + (i == j ? p[i] * g[i] : 0)) / observations;
                finite &= Double.isFinite(hessian[i][j]);
            }
            finite &= Double.isFinite(gradient[i]);
        }
        return new Point(theta, finite ? value / observations : Double.NEGATIVE_INFINITY, gradient, hessian);
    }

    private static double curvatureScale(double[][] hessian) {
        double scale = 0;
        for (int i = 0; i < hessian.length; i++) {
            scale = Math.max(scale, Math.abs(hessian[i][i]));
        }
        return Double.isFinite(scale) && scale > 0 ? scale : 1;
    }

    /** The step s solving (−H + λI) s = g by Cholesky, or null where −H + λI is not positive definite. */
    private static double[] solve(Point at, double damping) {
        int n = at.gradient().length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = -at.hessian()[i][j] + (i == j ? damping : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = at.gradient()[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    private static double[] clamp(double[] theta, double limit) {
        return Arrays.stream(theta).map(v -> Math.max(-limit, Math.min(limit, v))).toArray();
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /** The Hessian's spectrum and the Newton step −H⁻¹g at the final point. */
    private static LocalShape localShape(Point at) {
        int n = at.gradient().length;
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(
                new Array2DRowRealMatrix(at.hessian(), true));
        double largest = Arrays.stream(eigen.getEigenvalues()).max().orElseThrow();
        if (!(largest < 0)) {
            return new LocalShape(new double[n], largest, null);
        }
        RealMatrix inverse = eigen.getSolver().getInverse();
        double[] step = inverse.operate(new ArrayRealVector(at.gradient(), false)).mapMultiply(-1).toArray();
        return new LocalShape(step, largest, inverse);
    }

    /** Asymptotic covariance of the log-parameters is −H⁻¹ / N, H the Hessian of the mean log-likelihood. */
    private static void checkStandardErrors(String model, String[] names, Optimum optimum, LocalShape shape,
            int observations, double maxLogStandardError) {
        int worst = 0;
        double[] standardErrors = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            standardErrors[i] = Math.sqrt(-shape.inverseHessian().getEntry(i, i) / observations);
            if (standardErrors[i] > standardErrors[worst]) {
                worst = i;
            }
        }
        if (!(standardErrors[worst] <= maxLogStandardError)) {
            throw new ModelFitException(ModelFitException.Reason.INSUFFICIENT_DATA, model + " fit on " + observations
                    + " customers leaves " + names[worst] + " = " + Math.exp(optimum.logParameters()[worst])
                    + " undetermined: standard error of log(" + names[worst] + ") is " + standardErrors[worst]
                    + ", above the limit " + maxLogStandardError);
        }
    }

    private static ModelFitException notConverged(String model, String[] names, Optimum optimum, String why) {
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            at.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(Math.exp(optimum.logParameters()[i]));
        }
        return new ModelFitException(ModelFitException.Reason.NON_CONVERGENCE,
                model + " fit did not converge after " + optimum.evaluations() + " evaluations at " + at + ": " + why);
    }
}
