package org.retailcx.clv.model;

import java.util.Collection;

/**
 * The Gamma-Gamma model of monetary value (Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value"):
 * fitted on the mean repeat spend m_x of customers with x &gt;= 1 repeat days of positive spend, it shrinks each
 * customer's observed mean towards the population mean. Assumes spend is independent of purchase frequency. Repeat
 * days worth nothing are purchases for BG/NBD but no observation of spend here (x counts
 * {@link CustomerSummary#spendDays()}, not {@link CustomerSummary#frequency()}).
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
     * Maximum-likelihood fit (Newton's method on the analytic gradient and Hessian, over log-parameters) on the
     * customers with at least one repeat day of positive spend; the others are ignored.
     *
     * @throws ModelFitException {@code INSUFFICIENT_DATA} for fewer such customers than
     *         {@link FitOptions#minRepeatCustomers()}, {@code INVALID_DATA} for a customer with spend days whose mean
     *         spend is not positive, {@code NON_CONVERGENCE} if no interior stationary point is found
     */
    public static GammaGammaFit fit(Collection<CustomerSummary> customers, FitOptions options) {
        GammaGammaLikelihood.SpendData data = GammaGammaLikelihood.SpendData.of(customers);
        if (data.customers() < options.minRepeatCustomers()) {
            throw new ModelFitException(ModelFitException.Reason.INSUFFICIENT_DATA, "Gamma-Gamma needs at least "
                    + options.minRepeatCustomers() + " customers with a repeat purchase, got " + data.customers());
        }
        // Start at p = 1, q = 2, where the population mean spend p·γ/(q−1) equals γ: the observed mean.
        double[] start = {0, Math.log(2), Math.log(data.meanSpend)};
        MaximumLikelihood.Optimum optimum = MaximumLikelihood.maximise("Gamma-Gamma", PARAMETER_NAMES,
                new GammaGammaLikelihood(data), start, data.customers(), options);
        GammaGammaParameters fitted = fromLog(optimum.logParameters());
        return new GammaGammaFit(new GammaGammaModel(fitted), optimum.meanLogLikelihood() * data.customers(),
                data.customers(), optimum.evaluations());
    }

    /** Total log-likelihood of the mean spends (customers without a repeat day of positive spend are skipped). */
    public static double logLikelihood(GammaGammaParameters parameters, Collection<CustomerSummary> customers) {
        return GammaGammaLikelihood.value(parameters, GammaGammaLikelihood.SpendData.of(customers));
    }

    private static GammaGammaParameters fromLog(double[] theta) {
        return new GammaGammaParameters(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]));
    }

    /** Population mean spend per transaction, p·γ/(q−1): the expectation for a customer with no repeat purchase. */
    public double populationMeanSpend() {
        return expectedAverageSpend(0, 0);
    }

    /**
     * E[M | x, m_x] = (p (γ + x m_x)) / (p x + q − 1): a credibility-weighted blend of the population mean and the
     * customer's own mean repeat spend over x spend days.
     *
     * @throws IllegalStateException if q &lt;= 1, where the population mean spend is infinite
     */
    public double expectedAverageSpend(int spendDays, double monetaryValue) {
        double p = parameters.p();
        double q = parameters.q();
        if (q <= 1) {
            throw new IllegalStateException("Gamma-Gamma q = " + q + " <= 1: the mean spend is infinite");
        }
        return p * (parameters.gamma() + spendDays * monetaryValue) / (p * spendDays + q - 1);
    }

    public double expectedAverageSpend(CustomerSummary customer) {
        return expectedAverageSpend(customer.spendDays(), customer.monetaryValue());
    }

    @Override
    public String toString() {
        return "GammaGammaModel" + parameters;
    }
}
