package org.retailcx.clv.model;

/**
 * Guards and budget for maximum-likelihood fitting.
 *
 * @param minCustomers         BG/NBD: fewest customers accepted
 * @param minRepeatCustomers   BG/NBD and Gamma-Gamma: fewest customers with at least one repeat purchase accepted
 *                             (the dropout and spend parameters are learnt from them alone)
 * @param maxEvaluations       likelihood evaluations (value, gradient and Hessian in one pass) allowed to the
 *                             optimiser before giving up
 * @param maxLogStandardError  largest approximate standard error (from the observed information) accepted for the
 *                             logarithm of any parameter; 2 means a 95 % interval spanning a factor of about 50 either
 *                             way, beyond which the data are too few to identify that parameter
 */
public record FitOptions(int minCustomers, int minRepeatCustomers, int maxEvaluations, double maxLogStandardError) {

    public FitOptions {
        if (minCustomers < 1 || minRepeatCustomers < 1 || maxEvaluations < 1 || !(maxLogStandardError > 0)) {
            throw new IllegalArgumentException("all fit options must be positive: " + minCustomers + ", "
                    + minRepeatCustomers + ", " + maxEvaluations + ", " + maxLogStandardError);
        }
    }

    /**
     * 50 customers, 20 repeat customers, 500 evaluations (a fit from the default start takes a dozen or two),
     * standard error of a log-parameter at most 2.
     */
    public static FitOptions defaults() {
        return new FitOptions(50, 20, 500, 2);
    }
}
