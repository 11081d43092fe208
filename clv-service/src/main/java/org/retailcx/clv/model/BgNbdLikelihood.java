package org.retailcx.clv.model;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD log-likelihood (FHL 2005, eq. 6) with its gradient and Hessian in closed form, from one parallel pass
 * over the distinct (x, t_x, T) tuples.
 *
 * <p>Per customer, ℓ = C(x) + ln(e^ℓ₁ + e^ℓ₂) with
 * <ul>
 *   <li>C(x) = ln Γ(r+x) − ln Γ(r) + ln B(a, b+x) − ln B(a, b), the same for every customer with x purchases;</li>
 *   <li>ℓ₁ = r ln α − (r+x) ln(α+T): alive at T;</li>
 *   <li>ℓ₂ = ln a − ln(b+x−1) + r ln α − (r+x) ln(α+t_x): dropped out right after the last purchase (x &gt; 0 only).</li>
 * </ul>
 * With w₁, w₂ the shares of the two terms, ∇ln(e^ℓ₁ + e^ℓ₂) = w₁∇ℓ₁ + w₂∇ℓ₂ and
 * ∇²ln(e^ℓ₁ + e^ℓ₂) = w₁∇²ℓ₁ + w₂∇²ℓ₂ + w₁w₂ (∇ℓ₁ − ∇ℓ₂)(∇ℓ₁ − ∇ℓ₂)ᵀ. For integer x the digamma and trigamma
 * differences of C are finite sums, ψ(r+x) − ψ(r) = Σ_{j&lt;x} 1/(r+j), accumulated once over j up to the largest x.
 *
 * <p>The value is written with log-Beta functions and log1p so that nothing cancels when r and α grow large
 * together (the Poisson limit), where ln Γ(r+x) − ln Γ(r) and r·ln α − r·ln(α+T) would lose all precision:
 * Γ(r+x)/Γ(r) = Γ(x)/B(r, x), and ln(α+T) = ln α + ln(1 + T/α).
 */
final class BgNbdLikelihood implements MaximumLikelihood.Objective {

    private static final int R = 0;
    private static final int ALPHA = 1;
    private static final int A = 2;
    private static final int B = 3;
    /** Per-chunk sums: value, the four gradient entries, the ten Hessian entries of the upper triangle. */
    private static final int WIDTH = 15;

    private final RfmData d;

    BgNbdLikelihood(RfmData data) {
        this.d = data;
    }

    static double value(BgNbdParameters p, RfmData data) {
        return new BgNbdLikelihood(data).evaluate(new double[] { p.r(), p.alpha(), p.a(), p.b() }, new double[4],
                new double[4][4]);
    }

    @Override
    public double evaluate(double[] parameters, double[] gradient, double[][] hessian) {
        double r = parameters[R];
        double alpha = parameters[ALPHA];
        double a = parameters[A];
        double b = parameters[B];
        int[] xs = d.distinctFrequencies;
        // Terms depending on x only: once per distinct x.
        double[] logOdds = new double[xs.length];
        double[] inverseBx = new double[xs.length];
        double constant = 0;
        double[] constantGradient = new double[4];
        double[][] constantHessian = new double[4][4];
        double logBetaAB = Beta.logBeta(a, b);
        double s1r = 0, s2r = 0, s1b = 0, s2b = 0, s1ab = 0, s2ab = 0; // Σ_{j<x} 1/(·+j) and 1/(·+j)²
        int j = 0;
        for (int k = 0; k < xs.length; k++) {
            int x = xs[k];
            for (; j < x; j++) {
                double ir = 1 / (r + j), ib = 1 / (b + j), iab = 1 / (a + b + j);
                s1r += ir;
                s2r += ir * ir;
                s1b += ib;
                s2b += ib * ib;
                s1ab += iab;
                s2ab += iab * iab;
            }
            double n = d.frequencyWeight[k];
            double purchases = x == 0 ? 0 : Gamma.logGamma(x) - Beta.logBeta(r, x);
            constant += n * (purchases + Beta.logBeta(a, b + x) - logBetaAB);
            constantGradient[R] += n * s1r;
            constantGradient[A] -= n * s1ab;
            constantGradient[B] += n * (s1b - s1ab);
            constantHessian[R][R] -= n * s2r;
            constantHessian[A][A] += n * s2ab;
            constantHessian[A][B] += n * s2ab;
            constantHessian[B][B] += n * (s2ab - s2b);
            if (x > 0) {
                logOdds[k] = Math.log(a) - Math.log(b + x - 1);
                inverseBx[k] = 1 / (b + x - 1);
            }
        }
        double inverseAlpha = 1 / alpha;
        double logAlpha = Math.log(alpha);
        double[] s = ParallelSums.sum(d.frequency.length, WIDTH, (from, to, sums) -> {
            double value = 0, gr = 0, gAlpha = 0, gA = 0, gB = 0;
            double hrr = 0, hrAlpha = 0, hra = 0, hrb = 0, hAlphaAlpha = 0, hAlphaA = 0, hAlphaB = 0;
            double haa = 0, hab = 0, hbb = 0;
            for (int i = from; i < to; i++) {
                int x = d.frequency[i];
                double w = d.weight[i];
                double rx = r + x;
                double logGrowthT = FastLog.log1p(d.age[i] * inverseAlpha);
                double inverseT = 1 / (alpha + d.age[i]);
                if (x == 0) {
                    value -= w * r * logGrowthT;
                    gr -= w * logGrowthT;
                    gAlpha += w * (r * inverseAlpha - r * inverseT);
                    hrAlpha += w * (inverseAlpha - inverseT);
                    hAlphaAlpha += w * (r * inverseT * inverseT - r * inverseAlpha * inverseAlpha);
                    continue;
                }
                int k = d.frequencyIndex[i];
                double logGrowthTx = FastLog.log1p(d.recency[i] * inverseAlpha);
                double inverseTx = 1 / (alpha + d.recency[i]);
                // ℓ₁ and ℓ₂ without their common r ln α − x ln α... part, which is added back below
                double u1 = -rx * logGrowthT;
                double u2 = logOdds[k] - rx * logGrowthTx;
                double gap = u1 - u2;
                double e = Math.exp(-Math.abs(gap));
                double w1 = gap > 0 ? 1 / (1 + e) : e / (1 + e);
                double w2 = gap > 0 ? e / (1 + e) : 1 / (1 + e);
                value += w * (Math.max(u1, u2) + FastLog.log1p(e) - x * logAlpha);
                double ibx = inverseBx[k];
                // ∇ℓ₁ − ∇ℓ₂ over (r, α, a, b)
                double d0 = logGrowthTx - logGrowthT;
                double d1 = rx * (inverseTx - inverseT);
                double d2 = -1 / a;
                double c = w * w1 * w2;
                gr -= w * (w1 * logGrowthT + w2 * logGrowthTx);
                gAlpha += w * (r * inverseAlpha - rx * (w1 * inverseT + w2 * inverseTx));
                gA += w * w2;
                gB -= w * w2 * ibx;
                hrr += c * d0 * d0;
                hrAlpha += w * (inverseAlpha - w1 * inverseT - w2 * inverseTx) + c * d0 * d1;
                hra += c * d0 * d2;
                hrb += c * d0 * ibx;
                hAlphaAlpha += w * (rx * (w1 * inverseT * inverseT + w2 * inverseTx * inverseTx)
                        - r * inverseAlpha * inverseAlpha) + c * d1 * d1;
                hAlphaA += c * d1 * d2;
                hAlphaB += c * d1 * ibx;
                haa += c * d2 * d2 - w * w2 / (a * a);
                hab += c * d2 * ibx;
                hbb += (c + w * w2) * ibx * ibx;
            }
            sums[0] += value;
            sums[1] += gr;
            sums[2] += gAlpha;
            sums[3] += gA;
            sums[4] += gB;
            sums[5] += hrr;
            sums[6] += hrAlpha;
            sums[7] += hra;
            sums[8] += hrb;
            sums[9] += hAlphaAlpha;
            sums[10] += hAlphaA;
            sums[11] += hAlphaB;
            sums[12] += haa;
            sums[13] += hab;
            sums[14] += hbb;
        });
        gradient[R] = constantGradient[R] + s[1];
        gradient[ALPHA] = s[2];
        gradient[A] = constantGradient[A] + s[3] / a;
        gradient[B] = constantGradient[B] + s[4];
        double[] upper = { s[5] + constantHessian[R][R], s[6], s[7], s[8], s[9], s[10], s[11],
                s[12] + constantHessian[A][A], s[13] + constantHessian[A][B], s[14] + constantHessian[B][B] };
        int u = 0;
        for (int row = 0; row < 4; row++) {
            for (int col = row; col < 4; col++) {
                hessian[row][col] = upper[u++];
                hessian[col][row] = hessian[row][col];
            }
        }
        return constant + s[0];
    }
}
