package org.retailcx.recommendation.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Implicit-feedback matrix factorisation (Hu, Koren &amp; Volinsky 2008): every (customer, product) pair has preference
 * p = 1 if they interacted, else 0, with confidence c = 1 + alpha · weight; alternating least squares minimises
 * Σ c (p − x_u·y_i)² + λ(‖X‖² + ‖Y‖²). Each half-step solves one k × k system per customer (or product) using the
 * shared Gram matrix YᵀY + λI plus the few observed pairs: exactly by Cholesky, or by a few warm-started conjugate
 * gradient steps (Takács, Pilászy &amp; Tikk 2011, the default of the {@code implicit} library).
 */
public final class AlsRecommender extends LatentFactorRecommender {

    public enum Solver {
        CONJUGATE_GRADIENT, CHOLESKY
    }

    public record Parameters(int factors, double regularization, double alpha, int iterations, Solver solver,
            int conjugateGradientSteps, long seed) implements TrainingSpec {

        public Parameters {
            if (factors < 1 || iterations < 1 || conjugateGradientSteps < 1) {
                throw new IllegalArgumentException("factors, iterations and conjugateGradientSteps must be positive");
            }
            if (!(regularization > 0) || !(alpha > 0)) {
                throw new IllegalArgumentException("regularization and alpha must be positive");
            }
        }

        public static Parameters defaults() {
            return new Parameters(16, 50, 1, 10, Solver.CONJUGATE_GRADIENT, 3, 42);
        }

        @Override
        public Algorithm algorithm() {
            return Algorithm.ALS;
        }

        @Override
        public Recommender fit(InteractionMatrix training) {
            return new AlsRecommender(training, this);
        }
    }

    /** One side of the problem: for each row (customer or product), its observed partners and their confidences. */
    private record Side(int[] start, int[] partner, double[] confidence) {
    }

    private AlsRecommender(InteractionMatrix training, Parameters parameters) {
        super(training, parameters.factors(), false, 0.01, parameters.seed());
        Side byCustomer = byCustomer(training, parameters.alpha());
        Side byProduct = byProduct(training, parameters.alpha());
        for (int iteration = 0; iteration < parameters.iterations(); iteration++) {
            solve(customerFactors, productFactors, byCustomer, parameters);
            solve(productFactors, customerFactors, byProduct, parameters);
        }
    }

    private static Side byCustomer(InteractionMatrix m, double alpha) {
        int[] start = new int[m.customerCount() + 1];
        int[] partner = new int[m.cellCount()];
        double[] confidence = new double[m.cellCount()];
        for (int c = 0; c < m.customerCount(); c++) {
            start[c + 1] = m.rowEnd(c);
            for (int cell = m.rowStart(c); cell < m.rowEnd(c); cell++) {
                partner[cell] = m.product(cell);
                confidence[cell] = 1 + alpha * m.weight(cell);
            }
        }
        return new Side(start, partner, confidence);
    }

    private static Side byProduct(InteractionMatrix m, double alpha) {
        InteractionMatrix.Columns columns = m.byProduct();
        int[] start = new int[m.productCount() + 1];
        int[] partner = new int[m.cellCount()];
        double[] confidence = new double[m.cellCount()];
        for (int p = 0; p < m.productCount(); p++) {
            start[p + 1] = columns.end(p);
            for (int e = columns.start(p); e < columns.end(p); e++) {
                partner[e] = columns.customer(e);
                confidence[e] = 1 + alpha * m.weight(columns.cell(e));
            }
        }
        return new Side(start, partner, confidence);
    }

    /** Recomputes every row of {@code target} with {@code fixed} held constant. */
    private static void solve(DMatrixRMaj target, DMatrixRMaj fixed, Side side, Parameters parameters) {
        int k = target.numCols;
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(fixed, fixed, gram);
        for (int f = 0; f < k; f++) {
            gram.add(f, f, parameters.regularization());
        }
        if (parameters.solver() == Solver.CHOLESKY) {
            solveByCholesky(target, fixed, side, gram);
        } else {
            solveByConjugateGradient(target, fixed, side, gram, parameters.conjugateGradientSteps());
        }
    }

    private static void solveByCholesky(DMatrixRMaj target, DMatrixRMaj fixed, Side side, DMatrixRMaj gram) {
        int k = target.numCols;
        double[] y = fixed.data;
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(k);
        DMatrixRMaj a = new DMatrixRMaj(k, k);
        DMatrixRMaj b = new DMatrixRMaj(k, 1);
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        for (int row = 0; row < target.numRows; row++) {
            a.setTo(gram);
            b.zero();
            // A = YᵀY + λI + Σ (c − 1) y yᵀ, b = Σ c y over the row's observed partners (p = 1 there, 0 elsewhere).
            for (int e = side.start()[row]; e < side.start()[row + 1]; e++) {
                int offset = side.partner()[e] * k;
                double c = side.confidence()[e];
                for (int f = 0; f < k; f++) {
                    double yf = y[offset + f];
                    b.data[f] += c * yf;
                    double scaled = (c - 1) * yf;
                    for (int g = 0; g < k; g++) {
                        a.data[f * k + g] += scaled * y[offset + g];
                    }
                }
            }
            if (!cholesky.setA(a)) {
                throw new IllegalStateException("ALS system not positive definite; raise the regularization");
            }
            cholesky.solve(b, x);
            System.arraycopy(x.data, 0, target.data, row * k, k);
        }
    }

    private static void solveByConjugateGradient(DMatrixRMaj target, DMatrixRMaj fixed, Side side, DMatrixRMaj gram,
            int steps) {
        int k = target.numCols;
        double[] y = fixed.data;
        DMatrixRMaj x = new DMatrixRMaj(k, 1);
        DMatrixRMaj r = new DMatrixRMaj(k, 1);
        DMatrixRMaj p = new DMatrixRMaj(k, 1);
        DMatrixRMaj ap = new DMatrixRMaj(k, 1);
        for (int row = 0; row < target.numRows; row++) {
            int from = side.start()[row];
            int to = side.start()[row + 1];
            System.arraycopy(target.data, row * k, x.data, 0, k);
            // Residual r = b − A x, with A and b as in the Cholesky branch, without forming A.
            CommonOps_DDRM.mult(-1, gram, x, r);
            for (int e = from; e < to; e++) {
                int offset = side.partner()[e] * k;
                double c = side.confidence()[e];
                double factor = c - (c - 1) * dot(y, offset, x.data, k);
                axpy(factor, y, offset, r.data, k);
            }
            p.setTo(r);
            double residual = dot(r.data, 0, r.data, k);
            for (int step = 0; step < steps && residual > 1e-20; step++) {
                CommonOps_DDRM.mult(gram, p, ap);
                for (int e = from; e < to; e++) {
                    int offset = side.partner()[e] * k;
                    axpy((side.confidence()[e] - 1) * dot(y, offset, p.data, k), y, offset, ap.data, k);
                }
                double stepLength = residual / dot(p.data, 0, ap.data, k);
                CommonOps_DDRM.addEquals(x, stepLength, p);
                CommonOps_DDRM.addEquals(r, -stepLength, ap);
                double next = dot(r.data, 0, r.data, k);
                CommonOps_DDRM.add(r, next / residual, p, p);
                residual = next;
            }
            System.arraycopy(x.data, 0, target.data, row * k, k);
        }
    }

    private static double dot(double[] a, int offset, double[] b, int k) {
        double sum = 0;
        for (int f = 0; f < k; f++) {
            sum += a[offset + f] * b[f];
        }
        return sum;
    }

    private static void axpy(double scale, double[] source, int offset, double[] target, int k) {
        for (int f = 0; f < k; f++) {
            target[f] += scale * source[offset + f];
        }
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.ALS;
    }
}
