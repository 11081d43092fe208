package org.retailcx.personalization.model.drift;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** The drift statistics, each computed the way Evidently (through scipy) computes it. */
public final class DriftTests {

    /** Above this many units per window the exact Smirnov distribution gives way to the asymptotic one (scipy's). */
    static final int EXACT_KS_MAX_SAMPLE = 10_000;

    private DriftTests() {
    }

    /** The two-sample Kolmogorov–Smirnov statistic D = sup |F_ref − F_cur|, exact under ties. */
    public static double ksStatistic(double[] reference, double[] current) {
        double[] x = reference.clone();
        double[] y = current.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double next = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /**
     * Two-sided p-value P(D ≥ d): exact (lattice paths through the Smirnov band, as R's {@code psmirnov}) up to
     * {@link #EXACT_KS_MAX_SAMPLE} units per window, otherwise Kolmogorov's limit at √(nm/(n+m))·d.
     */
    public static double ksPValue(double[] reference, double[] current) {
        double d = ksStatistic(reference, current);
        int m = reference.length;
        int n = current.length;
        if (Math.max(m, n) <= EXACT_KS_MAX_SAMPLE) {
            return Math.min(1, Math.max(0, 1 - smirnovBelow(d, m, n)));
        }
        return kolmogorovSurvival(Math.sqrt((double) m * n / (m + n)) * d);
    }

    /** P(D < d) for samples of m and n without ties: the share of monotone paths that stay strictly in the band. */
    private static double smirnovBelow(double d, int sizeA, int sizeB) {
        int m = Math.min(sizeA, sizeB);
        int n = Math.max(sizeA, sizeB);
        // D is a multiple of 1/(mn): a lattice point is outside the band when |i·n − j·m| ≥ d·m·n
        long limit = Math.round(d * m * n);
        double[] u = new double[n + 1];
        u[0] = 1;
        for (int j = 1; j <= n; j++) {
            u[j] = (long) j * m >= limit ? 0 : u[j - 1];
        }
        for (int i = 1; i <= m; i++) {
            // weights i/(i+n) keep u a probability instead of a path count, so nothing overflows
            double w = (double) i / (i + n);
            u[0] = (long) i * n >= limit ? 0 : w * u[0];
            for (int j = 1; j <= n; j++) {
                u[j] = Math.abs((long) i * n - (long) j * m) >= limit ? 0 : w * u[j] + u[j - 1];
            }
        }
        return u[n];
    }

    /** Q(λ) = 2 Σ (−1)^(k−1) exp(−2k²λ²), the limiting Kolmogorov survival function. */
    static double kolmogorovSurvival(double lambda) {
        if (lambda < 1e-3) {
            return 1;
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-16) {
                break;
            }
        }
        return Math.min(1, Math.max(0, 2 * sum));
    }

    /** χ² goodness of fit of the current counts against the reference shares scaled to the current size. */
    public static <T> double chiSquarePValue(List<T> reference, List<T> current) {
        Map<T, long[]> counts = new LinkedHashMap<>();
        reference.forEach(v -> counts.computeIfAbsent(v, k -> new long[2])[0]++);
        current.forEach(v -> counts.computeIfAbsent(v, k -> new long[2])[1]++);
        if (counts.size() < 2) {
            return 1;
        }
        double scale = (double) current.size() / reference.size();
        double chiSquare = 0;
        for (long[] count : counts.values()) {
            double expected = count[0] * scale;
            if (expected == 0) {
                return 0; // a value the reference never had: infinitely unlikely under the reference
            }
            double deviation = count[1] - expected;
            chiSquare += deviation * deviation / expected;
        }
        return 1 - new ChiSquaredDistribution(counts.size() - 1).cumulativeProbability(chiSquare);
    }

    /** Pooled two-proportion Z-test on the share of one of the (at most two) values, two-sided. */
    public static <T> double zTestPValue(List<T> reference, List<T> current) {
        Set<T> values = new LinkedHashSet<>(reference);
        values.addAll(current);
        if (values.size() < 2) {
            return 1;
        }
        T target = values.iterator().next();
        double hitsReference = reference.stream().filter(target::equals).count();
        double hitsCurrent = current.stream().filter(target::equals).count();
        double p1 = hitsReference / reference.size();
        double p2 = hitsCurrent / current.size();
        double pooled = (hitsReference + hitsCurrent) / (reference.size() + current.size());
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / reference.size() + 1.0 / current.size()));
        return 2 * (1 - new NormalDistribution(0, 1).cumulativeProbability(Math.abs(z)));
    }

    /** First Wasserstein distance between the windows divided by the reference's (population) sd, at least 0.001. */
    public static double wassersteinNormed(double[] reference, double[] current) {
        double[] x = reference.clone();
        double[] y = current.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double[] all = new double[x.length + y.length];
        System.arraycopy(x, 0, all, 0, x.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        Arrays.sort(all);
        // ∫|F_x − F_y| over the merged support, piecewise constant between consecutive values
        double distance = 0;
        int i = 0;
        int j = 0;
        for (int k = 0; k < all.length - 1; k++) {
            while (i < x.length && x[i] <= all[k]) {
                i++;
            }
            while (j < y.length && y[j] <= all[k]) {
                j++;
            }
            distance += Math.abs((double) i / x.length - (double) j / y.length) * (all[k + 1] - all[k]);
        }
        double mean = Arrays.stream(reference).average().orElseThrow();
        double variance = Arrays.stream(reference).map(v -> (v - mean) * (v - mean)).sum() / reference.length;
        return distance / Math.max(Math.sqrt(variance), 0.001);
    }

    /** Jensen–Shannon distance (natural log): √(½ KL(p‖m) + ½ KL(q‖m)), m the average of the two shares. */
    static double jensenShannon(Distributions shares) {
        double[] p = normalised(shares.reference());
        double[] q = normalised(shares.current());
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            divergence += p[i] * Math.log(p[i] / m) + q[i] * Math.log(q[i] / m);
        }
        return Math.sqrt(Math.max(0, divergence / 2));
    }

    private static double[] normalised(double[] shares) {
        double total = Arrays.stream(shares).sum();
        return Arrays.stream(shares).map(s -> s / total).toArray();
    }

    /** Population stability index: Σ (ref − cur) · ln(ref / cur) over the common bins. */
    static double psi(Distributions shares) {
        double psi = 0;
        for (int i = 0; i < shares.reference().length; i++) {
            double r = shares.reference()[i];
            double c = shares.current()[i];
            psi += (r - c) * Math.log(r / c);
        }
        return psi;
    }

    public static double jensenShannonNumeric(double[] reference, double[] current) {
        return jensenShannon(Distributions.numeric(reference, current));
    }

    public static <T> double jensenShannonCategorical(List<T> reference, List<T> current) {
        return jensenShannon(Distributions.categorical(reference, current));
    }

    public static double psiNumeric(double[] reference, double[] current) {
        return psi(Distributions.numeric(reference, current));
    }

    public static <T> double psiCategorical(List<T> reference, List<T> current) {
        return psi(Distributions.categorical(reference, current));
    }
}
