package org.retailcx.clv.model;

import java.util.Collection;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way": while alive a customer
 * buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat purchase they drop out with probability
 * p ~ Beta(a, b). Immutable; fit with {@link #fit}, or build from known parameters.
 */
public final class BgNbdModel {

    private static final String[] PARAMETER_NAMES = {"r", "alpha", "a", "b"};

    private final BgNbdParameters parameters;

    public BgNbdModel(BgNbdParameters parameters) {
        this.parameters = parameters;
    }

    public BgNbdParameters parameters() {
        return parameters;
    }

    /** Maximum-likelihood fit with {@link FitOptions#defaults()}. */
    public static BgNbdFit fit(Collection<CustomerSummary> customers) {
        return fit(customers, FitOptions.defaults());
    }

    /**
     * Maximum-likelihood fit (Newton's method on the analytic gradient and Hessian, over log-parameters).
     *
     * @throws ModelFitException with {@code INSUFFICIENT_DATA} for fewer customers or repeat customers than the
     *         options demand, {@code NON_CONVERGENCE} if no interior stationary point is found
     */
    public static BgNbdFit fit(Collection<CustomerSummary> customers, FitOptions options) {
        RfmData data = RfmData.of(customers);
        if (data.customers < options.minCustomers()) {
            throw new ModelFitException(ModelFitException.Reason.INSUFFICIENT_DATA, "BG/NBD needs at least "
                    + options.minCustomers() + " customers, got " + data.customers);
        }
        if (data.repeatCustomers < options.minRepeatCustomers()) {
            throw new ModelFitException(ModelFitException.Reason.INSUFFICIENT_DATA, "BG/NBD needs at least "
                    + options.minRepeatCustomers() + " customers with a repeat purchase to learn dropout, got "
                    + data.repeatCustomers);
        }
        // Start at r = a = b = 1 with the mean rate r/alpha matching the observed repeat rate.
        double alphaStart = data.meanAge() / Math.max(data.meanFrequency(), 1e-3);
        double[] start = {0, Math.log(Math.max(alphaStart, 1e-3)), 0, 0};
        MaximumLikelihood.Optimum optimum = MaximumLikelihood.maximise("BG/NBD", PARAMETER_NAMES,
                new BgNbdLikelihood(data), start, data.customers, options);
        BgNbdParameters fitted = fromLog(optimum.logParameters());
        return new BgNbdFit(new BgNbdModel(fitted), optimum.meanLogLikelihood() * data.customers, data.customers,
                optimum.evaluations());
    }

    /** Total log-likelihood of the customers' (x, t_x, T) under the given parameters (FHL 2005, eq. 6). */
    public static double logLikelihood(BgNbdParameters parameters, Collection<CustomerSummary> customers) {
        return BgNbdLikelihood.value(parameters, RfmData.of(customers));
    }

    private static BgNbdParameters fromLog(double[] theta) {
        return new BgNbdParameters(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3]));
    }

    /** P(alive at T | x, t_x, T) (FHL 2005, eq. 11 ff.). */
    public double probabilityAlive(int frequency, double recency, double age) {
        if (frequency == 0) {
            return 1; // BG/NBD customers can only drop out right after a repeat purchase
        }
        double r = parameters.r();
        double alpha = parameters.alpha();
        double odds = parameters.a() / (parameters.b() + frequency - 1)
                * Math.pow((alpha + age) / (alpha + recency), r + frequency);
        return 1 / (1 + odds);
    }

    public double probabilityAlive(CustomerSummary customer) {
        return probabilityAlive(customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * E[Y(t) | x, t_x, T]: expected repeat purchases in the next {@code t} periods for a customer with this history
     * (FHL 2005, eq. 10) = P(alive) × E[Y(t) | alive, x, T].
     */
    public double expectedPurchases(double t, int frequency, double recency, double age) {
        return probabilityAlive(frequency, recency, age) * expectedPurchasesIfAlive(t, frequency, age);
    }

    public double expectedPurchases(double t, CustomerSummary customer) {
        return expectedPurchases(t, customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * Expected purchases in the next {@code t} periods for a customer known to be alive after x repeat purchases in
     * T periods: a fresh BG/NBD with updated parameters (r + x, α + T, a, b + x). Depends on (x, T) only, which lets
     * a CLV scorer share it between customers.
     */
    public double expectedPurchasesIfAlive(double t, int frequency, double age) {
        return cumulativeExpectation(parameters.r() + frequency, parameters.alpha() + age,
                parameters.b() + frequency, t);
    }

    /** E[X(t)]: expected repeat purchases in (0, t] for a randomly chosen new customer (FHL 2005, eq. 9). */
    public double expectedPurchasesUnconditional(double t) {
        return cumulativeExpectation(parameters.r(), parameters.alpha(), parameters.b(), t);
    }

    /**
     * (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; z)], z = t/(α+t), for a BG/NBD with parameters
     * (r, α, a, b). Euler's transformation 2F1(r, b; c; z) = (1−z)^(c−r−b) 2F1(c−r, c−b; c; z) with c = a+b−1 turns
     * it into (a+b−1) · [(1 − w)/(a−1) − w · (F − 1)/(a−1)], w = (1−z)^(a−1), F = 2F1(a+b−1−r, a−1; a+b−1; z):
     * no large powers, a series whose second parameter stays small however many purchases the customer made, and,
     * with (F − 1)/(a − 1) summed directly, no 0/0 at a = 1.
     */
    private double cumulativeExpectation(double r, double alpha, double b, double t) {
        if (!(t >= 0 && Double.isFinite(t))) {
            throw new IllegalArgumentException("t must be finite and >= 0, was " + t);
        }
        if (t == 0) {
            return 0;
        }
        double a = parameters.a();
        double c = a + b - 1;
        double z = t / (alpha + t);
        double logOneMinusZ = Math.log(alpha / (alpha + t));
        double shape = a - 1;
        double w = Math.exp(shape * logOneMinusZ);
        double oneMinusWOverShape = shape == 0 ? -logOneMinusZ : -Math.expm1(shape * logOneMinusZ) / shape;
        double excess = Hypergeometric2F1.excessOverB(c - r, shape, c, z);
        return c * (oneMinusWOverShape - w * excess);
    }

    @Override
    public String toString() {
        return "BgNbdModel" + parameters;
    }
}
