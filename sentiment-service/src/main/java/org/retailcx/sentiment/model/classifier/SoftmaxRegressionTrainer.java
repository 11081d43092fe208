package org.retailcx.sentiment.model.classifier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link LinearTextClassifier}: multinomial logistic regression, mean cross-entropy plus an L2 penalty on the
 * weights (not the biases), minimised by full-batch L-BFGS (Nocedal &amp; Wright, algorithm 7.4, with a backtracking
 * Armijo line search). Deterministic: the same examples and options give the same weights. Features seen in fewer
 * than {@code minDocumentFrequency} training texts get no weight, which keeps the shipped model small.
 */
public final class SoftmaxRegressionTrainer {

    public record Options(double l2, int maxIterations, int minDocumentFrequency) {
    }

    private static final int HISTORY = 10;
    private static final double RELATIVE_TOLERANCE = 1e-7;

    private final Options options;

    public SoftmaxRegressionTrainer(Options options) {
        this.options = options;
    }

    public record Result(LinearTextClassifier classifier, int iterations) {
    }

    public Result train(String name, List<String> classNames, TextFeatures features, List<LabelledText> examples,
                        String provenance) {
        int classes = classNames.size();
        SparseVector[] vectors = new SparseVector[examples.size()];
        int[] labels = new int[examples.size()];
        Map<Integer, Integer> documentFrequency = new HashMap<>();
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = features.extract(examples.get(i).text());
            labels[i] = examples.get(i).primaryLabel();
            for (int key : vectors[i].keys()) {
                documentFrequency.merge(key, 1, Integer::sum);
            }
        }
        int[] keys = documentFrequency.entrySet().stream().filter(e -> e.getValue() >= options.minDocumentFrequency())
                .mapToInt(Map.Entry::getKey).sorted().toArray();
        Design design = new Design(vectors, labels, keys, classes);
        double[] parameters = new double[keys.length * classes + classes];
        int iterations = minimise(design, parameters);
        float[] weights = new float[keys.length * classes];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = (float) parameters[j];
        }
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = (float) parameters[weights.length + k];
        }
        String fullProvenance = provenance + "; l2=" + options.l2() + ", minDf=" + options.minDocumentFrequency()
                + ", iterations=" + iterations + ", features=" + keys.length;
        LinearTextClassifier classifier = new LinearTextClassifier(name, classNames, features, keys, weights, bias,
                fullProvenance);
        return new Result(classifier, iterations);
    }

    /** The training matrix in compressed rows, with columns renumbered to the kept features. */
    private final class Design {
        final int rows;
        final int classes;
        final int weightCount;
        final int[] rowStart;
        final int[] columns;
        final double[] values;
        final int[] labels;

        Design(SparseVector[] vectors, int[] labels, int[] keys, int classes) {
            this.rows = vectors.length;
            this.classes = classes;
            this.weightCount = keys.length * classes;
            this.labels = labels;
            rowStart = new int[rows + 1];
            int nonZeros = 0;
            for (SparseVector vector : vectors) {
                nonZeros += vector.keys().length;
            }
            int[] cols = new int[nonZeros];
            double[] vals = new double[nonZeros];
            int n = 0;
            for (int i = 0; i < rows; i++) {
                rowStart[i] = n;
                for (int j = 0; j < vectors[i].keys().length; j++) {
                    int column = Arrays.binarySearch(keys, vectors[i].keys()[j]);
                    if (column >= 0) {
                        cols[n] = column;
                        vals[n] = vectors[i].values()[j];
                        n++;
                    }
                }
            }
            rowStart[rows] = n;
            columns = Arrays.copyOf(cols, n);
            values = Arrays.copyOf(vals, n);
        }

        /** Objective at {@code w}; writes its gradient into {@code gradient}. */
        double objective(double[] w, double[] gradient) {
            Arrays.fill(gradient, 0);
            double loss = 0;
            double[] scores = new double[classes];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < classes; k++) {
                    scores[k] = w[weightCount + k];
                }
                for (int n = rowStart[i]; n < rowStart[i + 1]; n++) {
                    int offset = columns[n] * classes;
                    for (int k = 0; k < classes; k++) {
                        scores[k] += w[offset + k] * values[n];
                    }
                }
                double[] p = LinearTextClassifier.softmax(scores);
                loss -= Math.log(Math.max(p[labels[i]], 1e-300));
                p[labels[i]] -= 1;
                for (int n = rowStart[i]; n < rowStart[i + 1]; n++) {
                    int offset = columns[n] * classes;
                    for (int k = 0; k < classes; k++) {
                        gradient[offset + k] += p[k] * values[n];
                    }
                }
                for (int k = 0; k < classes; k++) {
                    gradient[weightCount + k] += p[k];
                }
            }
            double penalty = 0;
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] /= rows;
                if (j < weightCount) {
                    gradient[j] += options.l2() * w[j];
                    penalty += w[j] * w[j];
                }
            }
            return loss / rows + 0.5 * options.l2() * penalty;
        }
    }

    private int minimise(Design design, double[] x) {
        int dimension = x.length;
        double[] gradient = new double[dimension];
        double value = design.objective(x, gradient);
        double[][] s = new double[HISTORY][];
        double[][] y = new double[HISTORY][];
        double[] rho = new double[HISTORY];
        int stored = 0;
        int writes = 0;
        double[] nextX = new double[dimension];
        double[] nextGradient = new double[dimension];
        int iteration = 0;
        while (iteration < options.maxIterations()) {
            iteration++;
            double[] direction = twoLoopDirection(gradient, s, y, rho, stored, writes);
            double slope = dot(gradient, direction);
            if (slope >= 0) {
                break;
            }
            double step = 1;
            double nextValue;
            while (true) {
                for (int j = 0; j < dimension; j++) {
                    nextX[j] = x[j] + step * direction[j];
                }
                nextValue = design.objective(nextX, nextGradient);
                if (nextValue <= value + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step *= 0.5;
            }
            double[] sk = new double[dimension];
            double[] yk = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                sk[j] = nextX[j] - x[j];
                yk[j] = nextGradient[j] - gradient[j];
            }
            double sy = dot(sk, yk);
            System.arraycopy(nextX, 0, x, 0, dimension);
            System.arraycopy(nextGradient, 0, gradient, 0, dimension);
            boolean converged = Math.abs(value - nextValue) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(value));
            value = nextValue;
            if (sy > 1e-12) {
                int slot = writes++ % HISTORY;
                s[slot] = sk;
                y[slot] = yk;
                rho[slot] = 1 / sy;
                stored = Math.min(stored + 1, HISTORY);
            }
            if (converged) {
                break;
            }
        }
        return iteration;
    }

    private static double[] twoLoopDirection(double[] gradient, double[][] s, double[][] y, double[] rho, int stored,
                                             int writes) {
        double[] q = gradient.clone();
        if (stored == 0) {
            double norm = Math.sqrt(dot(q, q));
            for (int j = 0; j < q.length; j++) {
                q[j] = -q[j] / Math.max(norm, 1e-12);
            }
            return q;
        }
        double[] alpha = new double[HISTORY];
        int newest = (writes - 1) % HISTORY;
        for (int m = 0; m < stored; m++) {
            int slot = Math.floorMod(newest - m, HISTORY);
            alpha[slot] = rho[slot] * dot(s[slot], q);
            axpy(-alpha[slot], y[slot], q);
        }
        double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
        for (int j = 0; j < q.length; j++) {
            q[j] *= gamma;
        }
        for (int m = stored - 1; m >= 0; m--) {
            int slot = Math.floorMod(newest - m, HISTORY);
            double beta = rho[slot] * dot(y[slot], q);
            axpy(alpha[slot] - beta, s[slot], q);
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) {
            y[j] += a * x[j];
        }
    }
}
