package org.retailcx.sales.model.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;

/**
 * Trains a {@link LogisticModel}: learns the {@link FeatureEncoder} from the training leads, fits an
 * L2-regularised logistic regression by damped Newton's method (IRLS), and freezes grade thresholds from
 * the training score distribution.
 *
 * <p>Newton rather than a first-order method because the problem is small (tens to a few hundred columns):
 * each step solves the exact Hessian system (Cholesky, Hipparchus), so it converges in a handful of
 * iterations to machine precision, with no learning rate to tune. Single-threaded with a fixed summation
 * order, so the same data always gives bit-identical coefficients.
 */
public final class LogisticRegressionTrainer implements Learner {

    private static final int MAX_NEWTON_ITERATIONS = 100;
    /** Stop when the predicted decrease of the objective is below this per training row. */
    private static final double DECREMENT_TOLERANCE_PER_ROW = 1e-12;
    private static final double ARMIJO_FRACTION = 1e-4;
    private static final int MAX_STEP_HALVINGS = 50;

    private final TrainerConfig config;

    public LogisticRegressionTrainer(TrainerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return LeadScorer.LOGISTIC_REGRESSION;
    }

    @Override
    public Learner refitting(LeadScorer validated) {
        return this;
    }

    /**
     * @throws IllegalArgumentException if there are fewer rows than {@link TrainerConfig#minTrainingRows()},
     *                                  only one outcome, or no usable feature
     */
    @Override
    public LogisticModel train(List<LabeledLead> training) {
        Objects.requireNonNull(training, "training");
        long conversions = Learner.requireTrainable(training, config.minTrainingRows());

        List<LeadFeatures> leads = new ArrayList<>(training.size());
        training.forEach(labeled -> leads.add(labeled.lead()));
        FeatureEncoder encoder = FeatureEncoder.fit(leads, config.encoder());
        double[][] x = leads.stream().map(encoder::encode).toArray(double[][]::new);
        boolean[] y = ModelEvaluation.labels(training);

        LogisticFit fit = fit(x, y, config.l2Penalty());
        double[] scores = new double[x.length];
        double[] columnMeans = new double[encoder.dimension()];
        for (int i = 0; i < x.length; i++) {
            scores[i] = LeadScorer.sigmoid(fit.intercept() + dot(fit.weights(), x[i]));
            for (int j = 0; j < columnMeans.length; j++) {
                columnMeans[j] += x[i][j] / x.length;
            }
        }
        GradeThresholds thresholds = config.grades().thresholdsFor(scores);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train.rows", (double) y.length);
        metrics.put("train.conversionRate", (double) conversions / y.length);
        metrics.put("train.auc", ModelEvaluation.auc(scores, y));
        metrics.put("train.brier", ModelEvaluation.brierScore(scores, y));
        metrics.put("train.logLoss", ModelEvaluation.logLoss(scores, y));
        metrics.put("train.newtonIterations", (double) fit.iterations());
        metrics.put("train.l2Penalty", config.l2Penalty());
        return new LogisticModel(LogisticModel.FORMAT_VERSION, encoder, fit.intercept(), fit.weights(), columnMeans,
                thresholds,
                metrics);
    }

    /** Coefficients of a fitted logistic regression, with the Newton iterations it took. */
    record LogisticFit(double intercept, double[] weights, int iterations) {
    }

    /**
     * Minimises {@code sum_i logloss(y_i, b0 + w.x_i) + lambda/2 * ||w||^2} by Newton's method with
     * backtracking (Armijo) line search. The objective is strictly convex for lambda > 0, so this converges
     * from any start; starting the intercept at the base-rate logit saves a few steps.
     */
    static LogisticFit fit(double[][] x, boolean[] y, double lambda) {
        int columns = x[0].length;
        int dim = columns + 1; // index 0 is the intercept
        SparseRows rows = SparseRows.of(x);
        double positives = 0;
        for (boolean label : y) {
            positives += label ? 1 : 0;
        }
        double[] beta = new double[dim];
        beta[0] = Math.log(positives / (y.length - positives));
        double objective = objective(rows, y, beta, lambda);

        for (int iteration = 1; iteration <= MAX_NEWTON_ITERATIONS; iteration++) {
            double[] gradient = new double[dim];
            double[][] hessian = new double[dim][dim];
            accumulateGradientAndHessian(rows, y, beta, gradient, hessian);
            for (int j = 1; j < dim; j++) {
                gradient[j] += lambda * beta[j];
                hessian[j][j] += lambda;
            }
            double[] step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false)).getSolver()
                    .solve(new ArrayRealVector(gradient, false)).toArray();
            double decrement = dot(gradient, step); // Newton decrement squared = 2 x predicted decrease
            if (decrement / 2 <= DECREMENT_TOLERANCE_PER_ROW * y.length) {
                // Converged: the last, tiny full step only polishes the digits.
                double[] weights = new double[columns];
                for (int j = 0; j < columns; j++) {
                    weights[j] = beta[j + 1] - step[j + 1];
                }
                return new LogisticFit(beta[0] - step[0], weights, iteration);
            }
            beta = lineSearch(rows, y, lambda, beta, objective, step, decrement);
            objective = objective(rows, y, beta, lambda);
        }
        throw new IllegalStateException("logistic regression did not converge in " + MAX_NEWTON_ITERATIONS
                + " Newton iterations");
    }

    /** Backtracking from the full Newton step until the Armijo sufficient-decrease condition holds. */
    private static double[] lineSearch(SparseRows rows, boolean[] y, double lambda, double[] beta,
                                       double objective, double[] step, double decrement) {
        double[] candidate = new double[beta.length];
        double t = 1;
        for (int halvings = 0; halvings <= MAX_STEP_HALVINGS; halvings++, t /= 2) {
            for (int j = 0; j < beta.length; j++) {
                candidate[j] = beta[j] - t * step[j];
            }
            if (objective(rows, y, candidate, lambda) <= objective - ARMIJO_FRACTION * t * decrement) {
                return candidate;
            }
        }
        throw new IllegalStateException("Newton line search found no decrease (decrement " + decrement + ")");
    }

    private static void accumulateGradientAndHessian(SparseRows rows, boolean[] y, double[] beta,
                                                     double[] gradient, double[][] hessian) {
        for (int i = 0; i < y.length; i++) {
            int[] index = rows.index[i];
            double[] value = rows.value[i];
            double p = LeadScorer.sigmoid(linearPredictor(beta, index, value));
            double residual = p - (y[i] ? 1 : 0);
            double weight = p * (1 - p);
            gradient[0] += residual;
            hessian[0][0] += weight;
            for (int a = 0; a < index.length; a++) {
                int ja = index[a] + 1;
                double wa = weight * value[a];
                gradient[ja] += residual * value[a];
                hessian[0][ja] += wa;
                double[] hessianRow = hessian[ja];
                for (int b = a; b < index.length; b++) {
                    hessianRow[index[b] + 1] += wa * value[b];
                }
            }
        }
        // Only the upper triangle was accumulated (column indices ascend within a row): mirror it.
        for (int j = 0; j < hessian.length; j++) {
            for (int k = j + 1; k < hessian.length; k++) {
                hessian[k][j] = hessian[j][k];
            }
        }
    }

    private static double objective(SparseRows rows, boolean[] y, double[] beta, double lambda) {
        double loss = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = linearPredictor(beta, rows.index[i], rows.value[i]);
            loss += softplus(eta) - (y[i] ? eta : 0);
        }
        double penalty = 0;
        for (int j = 1; j < beta.length; j++) {
            penalty += beta[j] * beta[j];
        }
        return loss + lambda / 2 * penalty;
    }

    private static double linearPredictor(double[] beta, int[] index, double[] value) {
        double eta = beta[0];
        for (int a = 0; a < index.length; a++) {
            eta += beta[index[a] + 1] * value[a];
        }
        return eta;
    }

    /** log(1 + e^eta) without overflow. */
    private static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    /**
     * The design matrix with zeros dropped: one-hot columns make rows mostly zero, and skipping them makes
     * the Hessian accumulation several times cheaper.
     */
    private record SparseRows(int[][] index, double[][] value) {

        static SparseRows of(double[][] x) {
            int[][] index = new int[x.length][];
            double[][] value = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                int nonZero = 0;
                for (double v : x[i]) {
                    nonZero += v != 0 ? 1 : 0;
                }
                index[i] = new int[nonZero];
                value[i] = new double[nonZero];
                for (int j = 0, a = 0; j < x[i].length; j++) {
                    if (x[i][j] != 0) {
                        index[i][a] = j;
                        value[i][a++] = x[i][j];
                    }
                }
            }
            return new SparseRows(index, value);
        }
    }
}
