package org.retailcx.clv.model;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a mean log-likelihood over the logarithms of positive parameters with Hipparchus' BOBYQA, then verifies
 * that the result is a genuine, well-determined maximum, so that a fit never returns garbage:
 * <ol>
 *   <li>the Hessian is negative definite (a maximum, not a plateau or saddle);</li>
 *   <li>the Newton step from there is negligible (the likelihood is not still rising slowly towards infinity, as it
 *       does when the data favour a limiting case of the model);</li>
 *   <li>no parameter sits near the search bounds e^±20;</li>
 *   <li>every log-parameter's approximate standard error, from the observed information, is within
 *       {@link FitOptions#maxLogStandardError()}.</li>
 * </ol>
 * The first three failures are {@code NON_CONVERGENCE}, the last {@code INSUFFICIENT_DATA}.
 */
final class MaximumLikelihood {

    private static final double LOG_BOUND = 20;
    private static final double BOUNDARY_MARGIN = 1;
    private static final double INITIAL_TRUST_RADIUS = 1;
    private static final double STOPPING_TRUST_RADIUS = 1e-10;
    /** Finite-difference steps in log-parameter space: small for the slope, larger for the curvature. */
    private static final double GRADIENT_STEP = 1e-5;
    private static final double HESSIAN_STEP = 1e-3;
    /** Largest Newton step, in log-parameters (a relative change of 0.01 %), accepted at an optimum. */
    private static final double NEWTON_STEP_TOLERANCE = 1e-4;
    /** Returned for parameter values where the likelihood overflows, so BOBYQA steps away from them. */
    private static final double INFEASIBLE = -1e10;

    record Optimum(double[] logParameters, double meanLogLikelihood, int evaluations) {
    }

    /** Slope and curvature of the mean log-likelihood at a point. */
    private record LocalShape(double[] newtonStep, double largestEigenvalue, RealMatrix inverseHessian) {

        boolean isMaximum() {
            return largestEigenvalue < 0;
        }

        double newtonStepSize() {
            return Arrays.stream(newtonStep).map(Math::abs).max().orElse(0);
        }

        boolean isConvergedMaximum() {
            return isMaximum() && newtonStepSize() <= NEWTON_STEP_TOLERANCE;
        }
    }

    private MaximumLikelihood() {
    }

    /**
     * @param meanLogLikelihood log-likelihood divided by {@code observations}, as a function of log-parameters
     */
    static Optimum maximise(String model, String[] names, ToDoubleFunction<double[]> meanLogLikelihood,
            double[] logStart, int observations, FitOptions options) {
        ToDoubleFunction<double[]> f = theta -> {
            double value = meanLogLikelihood.applyAsDouble(theta);
            return Double.isFinite(value) ? value : INFEASIBLE;
        };
        Optimum optimum = runBobyqa(model, f, clampStart(logStart), options.maxEvaluations());
        LocalShape shape = localShape(f, optimum.logParameters());
        if (!shape.isConvergedMaximum()) {
            // BOBYQA can stop short on flat ridges (Gamma-Gamma's q and gamma); one restart from there settles it.
            int remaining = options.maxEvaluations() - optimum.evaluations();
            if (remaining <= 0) {
                throw notConverged(model, names, optimum, "the evaluation budget ran out");
            }
            Optimum restarted = runBobyqa(model, f, optimum.logParameters(), remaining);
            optimum = new Optimum(restarted.logParameters(), restarted.meanLogLikelihood(),
                    optimum.evaluations() + restarted.evaluations());
            shape = localShape(f, optimum.logParameters());
        }
        if (!shape.isMaximum()) {
            throw notConverged(model, names, optimum, "the likelihood is flat or saddle-shaped there (largest Hessian"
                    + " eigenvalue " + shape.largestEigenvalue() + "), so the data do not identify the parameters");
        }
        if (!shape.isConvergedMaximum()) {
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

    private static Optimum runBobyqa(String model, ToDoubleFunction<double[]> f, double[] start, int maxEvaluations) {
        int n = start.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, -LOG_BOUND);
        Arrays.fill(upper, LOG_BOUND);
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, INITIAL_TRUST_RADIUS, STOPPING_TRUST_RADIUS);
        try {
            PointValuePair optimum = optimizer.optimize(
                    new MaxEval(maxEvaluations),
                    new ObjectiveFunction(f::applyAsDouble),
                    GoalType.MAXIMIZE,
                    new InitialGuess(start),
                    new SimpleBounds(lower, upper));
            return new Optimum(optimum.getPoint(), optimum.getValue(), optimizer.getEvaluations());
        } catch (MathRuntimeException e) {
            throw new ModelFitException(ModelFitException.Reason.NON_CONVERGENCE,
                    model + " fit did not converge within " + maxEvaluations + " likelihood evaluations: "
                            + e.getMessage(), e);
        }
    }

    private static double[] clampStart(double[] logStart) {
        double limit = LOG_BOUND - 2 * BOUNDARY_MARGIN;
        return Arrays.stream(logStart).map(v -> Math.max(-limit, Math.min(limit, v))).toArray();
    }

    /** Central-difference gradient and Hessian, the Hessian's spectrum, and the Newton step −H⁻¹g. */
    private static LocalShape localShape(ToDoubleFunction<double[]> f, double[] theta) {
        int n = theta.length;
        double[] gradient = new double[n];
        double[][] hessian = new double[n][n];
        double centre = f.applyAsDouble(theta);
        double h = HESSIAN_STEP;
        for (int i = 0; i < n; i++) {
            gradient[i] = (shifted(f, theta, i, GRADIENT_STEP, i, 0) - shifted(f, theta, i, -GRADIENT_STEP, i, 0))
                    / (2 * GRADIENT_STEP);
            hessian[i][i] = (shifted(f, theta, i, h, i, 0) - 2 * centre + shifted(f, theta, i, -h, i, 0)) / (h * h);
            for (int j = 0; j < i; j++) {
                hessian[i][j] = (shifted(f, theta, i, h, j, h) - shifted(f, theta, i, h, j, -h)
                        - shifted(f, theta, i, -h, j, h) + shifted(f, theta, i, -h, j, -h)) / (4 * h * h);
                hessian[j][i] = hessian[i][j];
            }
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(hessian, false));
        double largest = Arrays.stream(eigen.getEigenvalues()).max().orElseThrow();
        if (!(largest < 0)) {
            return new LocalShape(new double[n], largest, null);
        }
        RealMatrix inverse = eigen.getSolver().getInverse();
        double[] step = inverse.operate(new ArrayRealVector(gradient, false)).mapMultiply(-1).toArray();
        return new LocalShape(step, largest, inverse);
    }

    private static double shifted(ToDoubleFunction<double[]> f, double[] theta, int i, double di, int j, double dj) {
        double[] probe = theta.clone();
        probe[i] += di;
        probe[j] += dj;
        return f.applyAsDouble(probe);
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
