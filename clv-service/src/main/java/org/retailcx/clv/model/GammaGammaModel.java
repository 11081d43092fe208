package org.retailcx.clv.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

import org.hipparchus.special.Beta;

/**
 * The Gamma-Gamma model of monetary value (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"):
 * fitted on the mean repeat spend m_x of customers with x &gt;= 1 repeat purchases, it shrinks each customer's
 * observed mean towards the population mean. Assumes spend is independent of purchase frequency.
 */
public final class GammaGammaModel {

    private static final String[] PARAMETER_NAMES = {"p", "q", "gamma"};

    private final GammaGammaParameters parameters;

    public GammaGammaModel(GammaGammaParameters parameters) {
        this.parameters = parameters;
    }

    public GammaGammaParameters parameters() {
        return parameters;
    }

    /** Maximum-likelihood fit with {@link FitOptions#defaults()}. */
    public static GammaGammaFit fit(Collection<CustomerSummary> customers) {
        return fit(customers, FitOptions.defaults());
    }

    /**
     * Maximum-likelihood fit on the customers with at least one repeat purchase; the others are ignored.
     *
     * @throws ModelFitException {@code INSUFFICIENT_DATA} for fewer repeat customers than
     *         {@link FitOptions#minRepeatCustomers()}, {@code INVALID_DATA} for a repeat customer whose mean spend is
     *         not positive, {@code NON_CONVERGENCE} if no interior stationary point is found
     */
    public static GammaGammaFit fit(Collection<CustomerSummary> customers, FitOptions options) {
        SpendData data = SpendData.of(customers);
        if (data.customers() < options.minRepeatCustomers()) {
            throw new ModelFitException(ModelFitException.Reason.INSUFFICIENT_DATA, "Gamma-Gamma needs at least "
                    + options.minRepeatCustomers() + " customers with a repeat purchase, got " + data.customers());
        }
        // Start at p = 1, q = 2, where the population mean spend p·γ/(q−1) equals γ: the observed mean.
        double[] start = {0, Math.log(2), Math.log(data.meanSpend())};
        MaximumLikelihood.Optimum optimum = MaximumLikelihood.maximise("Gamma-Gamma", PARAMETER_NAMES,
                theta -> logLikelihood(fromLog(theta), data) / data.customers(), start, data.customers(), options);
        GammaGammaParameters fitted = fromLog(optimum.logParameters());
        return new GammaGammaFit(new GammaGammaModel(fitted), logLikelihood(fitted, data), data.customers(),
                optimum.evaluations());
    }

    /** Total log-likelihood of the repeat customers' mean spends (customers with frequency 0 are skipped). */
    public static double logLikelihood(GammaGammaParameters parameters, Collection<CustomerSummary> customers) {
        return logLikelihood(parameters, SpendData.of(customers));
    }

    private static GammaGammaParameters fromLog(double[] theta) {
        return new GammaGammaParameters(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]));
    }

    /**
     * Σ log f(m_x | x), f = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · m^(px−1) · x^(px) / (γ + m x)^(px+q), rearranged as
     * −ln B(px, q) − px·ln(1 + γ/(m x)) − q·ln(1 + m x/γ) − ln m so that no large terms cancel.
     */
    private static double logLikelihood(GammaGammaParameters parameters, SpendData d) {
        double p = parameters.p();
        double q = parameters.q();
        double gamma = parameters.gamma();
        double[] logBeta = new double[d.distinctFrequencies.length];
        for (int k = 0; k < logBeta.length; k++) {
            logBeta[k] = Beta.logBeta(p * d.distinctFrequencies[k], q);
        }
        double total = 0;
        for (int i = 0; i < d.frequency.length; i++) {
            double totalSpend = d.spend[i] * d.frequency[i];
            total -= logBeta[d.frequencyIndex[i]] + p * d.frequency[i] * FastLog.log1p(gamma / totalSpend)
                    + q * FastLog.log1p(totalSpend / gamma) + d.logSpend[i];
        }
        return total;
    }

    /** Population mean spend per transaction, p·γ/(q−1): the expectation for a customer with no repeat purchase. */
    public double populationMeanSpend() {
        return expectedAverageSpend(0, 0);
    }

    /**
     * E[M | x, m_x] = (p (γ + x m_x)) / (p x + q − 1): a credibility-weighted blend of the population mean and the
     * customer's own mean repeat spend.
     *
     * @throws IllegalStateException if q &lt;= 1, where the population mean spend is infinite
     */
    public double expectedAverageSpend(int frequency, double monetaryValue) {
        double p = parameters.p();
        double q = parameters.q();
        if (q <= 1) {
            throw new IllegalStateException("Gamma-Gamma q = " + q + " <= 1: the mean spend is infinite");
        }
        return p * (parameters.gamma() + frequency * monetaryValue) / (p * frequency + q - 1);
    }

    public double expectedAverageSpend(CustomerSummary customer) {
        return expectedAverageSpend(customer.frequency(), customer.monetaryValue());
    }

    @Override
    public String toString() {
        return "GammaGammaModel" + parameters;
    }

    /** Repeat customers' (x, m_x) in primitive arrays, with log m_x precomputed and x-only terms indexed. */
    private record SpendData(int[] frequency, double[] spend, double[] logSpend, int[] distinctFrequencies,
            int[] frequencyIndex) {

        static SpendData of(Collection<CustomerSummary> customers) {
            List<CustomerSummary> repeat = new ArrayList<>();
            for (CustomerSummary c : customers) {
                if (c.frequency() == 0) {
                    continue;
                }
                if (!(c.monetaryValue() > 0)) {
                    throw new ModelFitException(ModelFitException.Reason.INVALID_DATA, "Gamma-Gamma needs a positive"
                            + " mean repeat spend, customer " + c.customerId() + " has " + c.monetaryValue());
                }
                repeat.add(c);
            }
            int n = repeat.size();
            int[] frequency = new int[n];
            double[] spend = new double[n];
            double[] logSpend = new double[n];
            TreeMap<Integer, Integer> index = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                frequency[i] = repeat.get(i).frequency();
                spend[i] = repeat.get(i).monetaryValue();
                logSpend[i] = Math.log(spend[i]);
                index.put(frequency[i], 0);
            }
            int[] distinct = index.keySet().stream().mapToInt(Integer::intValue).toArray();
            for (int k = 0; k < distinct.length; k++) {
                index.put(distinct[k], k);
            }
            int[] frequencyIndex = new int[n];
            for (int i = 0; i < n; i++) {
                frequencyIndex[i] = index.get(frequency[i]);
            }
            return new SpendData(frequency, spend, logSpend, distinct, frequencyIndex);
        }

        int customers() {
            return frequency.length;
        }

        double meanSpend() {
            double total = 0;
            for (double s : spend) {
                total += s;
            }
            return total / spend.length;
        }
    }
}
