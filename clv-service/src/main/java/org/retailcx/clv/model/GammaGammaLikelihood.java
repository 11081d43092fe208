package org.retailcx.clv.model;

import java.util.Arrays;
import java.util.Collection;

import org.hipparchus.special.Beta;

/**
 * The Gamma-Gamma log-likelihood of the customers' mean spends with its gradient and Hessian in closed form, from
 * one parallel pass over the customers. Per customer with x spend days of mean m, S = m x:
 * ℓ = −ln B(px, q) − px·ln(1 + γ/S) − q·ln(1 + S/γ) − ln m, rearranged from
 * Γ(px+q) / (Γ(px) Γ(q)) · γ^q · m^(px−1) · x^(px) / (γ + S)^(px+q) so that no large terms cancel, and with
 * ln(1 + S/γ) = ln(1 + γ/S) + ln S − ln γ so that a customer costs one logarithm. The terms in x alone (log-Beta,
 * digamma and trigamma of px and px + q, from {@link Polygamma}) are computed once per distinct x.
 */
final class GammaGammaLikelihood implements MaximumLikelihood.Objective {

    private static final int P = 0;
    private static final int Q = 1;
    private static final int GAMMA = 2;

    private final SpendData d;

    GammaGammaLikelihood(SpendData data) {
        this.d = data;
    }

    static double value(GammaGammaParameters p, SpendData data) {
        return new GammaGammaLikelihood(data).evaluate(new double[] { p.p(), p.q(), p.gamma() }, new double[3],
                new double[3][3]);
    }

    @Override
    public double evaluate(double[] parameters, double[] gradient, double[][] hessian) {
        double p = parameters[P];
        double q = parameters[Q];
        double gamma = parameters[GAMMA];
        double n = d.customers();
        double logGamma = Math.log(gamma);
        double[] s = ParallelSums.sum(d.frequency.length, 6, (from, to, sums) -> {
            double logs = 0, xLogs = 0, inv = 0, xInv = 0, inv2 = 0, xInv2 = 0;
            for (int i = from; i < to; i++) {
                double x = d.frequency[i];
                double l = FastLog.log1p(gamma * d.inverseTotal[i]);
                double u = 1 / (d.total[i] + gamma);
                logs += l;
                xLogs += x * l;
                inv += u;
                xInv += x * u;
                inv2 += u * u;
                xInv2 += x * u * u;
            }
            sums[0] += logs;
            sums[1] += xLogs;
            sums[2] += inv;
            sums[3] += xInv;
            sums[4] += inv2;
            sums[5] += xInv2;
        });
        double logs = s[0], xLogs = s[1], inv = s[2], xInv = s[3], inv2 = s[4], xInv2 = s[5];
        double value = -p * xLogs - q * (logs + d.sumLogTotal - n * logGamma) - d.sumLogSpend;
        double gp = -xLogs;
        double gq = -(logs + d.sumLogTotal - n * logGamma);
        double hpp = 0, hpq = 0, hqq = 0;
        double digammaQ = Polygamma.digamma(q);
        double trigammaQ = Polygamma.trigamma(q);
        for (int k = 0; k < d.distinctFrequencies.length; k++) {
            double x = d.distinctFrequencies[k];
            double count = d.frequencyWeight[k];
            double px = p * x;
            double digammaSum = Polygamma.digamma(px + q);
            double trigammaSum = Polygamma.trigamma(px + q);
            value -= count * Beta.logBeta(px, q);
            gp -= count * x * (Polygamma.digamma(px) - digammaSum);
            gq -= count * (digammaQ - digammaSum);
            hpp -= count * x * x * (Polygamma.trigamma(px) - trigammaSum);
            hpq += count * x * trigammaSum;
            hqq -= count * (trigammaQ - trigammaSum);
        }
        gradient[P] = gp;
        gradient[Q] = gq;
        gradient[GAMMA] = n * q / gamma - p * xInv - q * inv;
        hessian[P][P] = hpp;
        hessian[P][Q] = hessian[Q][P] = hpq;
        hessian[Q][Q] = hqq;
        hessian[P][GAMMA] = hessian[GAMMA][P] = -xInv;
        hessian[Q][GAMMA] = hessian[GAMMA][Q] = n / gamma - inv;
        hessian[GAMMA][GAMMA] = p * xInv2 + q * inv2 - n * q / (gamma * gamma);
        return value;
    }

    /**
     * Customers with at least one repeat day of positive spend: x = those days, m = their mean spend, in primitive
     * arrays with ln S, ln m summed once and x-only terms indexed. Repeat days worth nothing count as purchases for
     * BG/NBD but are no observation of spend (a Gamma variate is positive), so they are not here.
     */
    static final class SpendData {

        final int[] frequency;
        final double[] total;
        final double[] inverseTotal;
        final double sumLogTotal;
        final double sumLogSpend;
        final double meanSpend;
        final int[] distinctFrequencies;
        final double[] frequencyWeight;

        private SpendData(int[] frequency, double[] spend) {
            int n = frequency.length;
            this.frequency = frequency;
            total = new double[n];
            inverseTotal = new double[n];
            double logTotal = 0, logSpend = 0, spendSum = 0;
            int maxFrequency = 0;
            for (int i = 0; i < n; i++) {
                total[i] = spend[i] * frequency[i];
                inverseTotal[i] = 1 / total[i];
                logTotal += Math.log(total[i]);
                logSpend += Math.log(spend[i]);
                spendSum += spend[i];
                maxFrequency = Math.max(maxFrequency, frequency[i]);
            }
            sumLogTotal = logTotal;
            sumLogSpend = logSpend;
            meanSpend = spendSum / n;
            double[] counts = new double[maxFrequency + 1];
            for (int x : frequency) {
                counts[x]++;
            }
            int distinct = (int) Arrays.stream(counts).filter(c -> c > 0).count();
            distinctFrequencies = new int[distinct];
            frequencyWeight = new double[distinct];
            for (int x = 0, k = 0; x <= maxFrequency; x++) {
                if (counts[x] > 0) {
                    distinctFrequencies[k] = x;
                    frequencyWeight[k++] = counts[x];
                }
            }
        }

        /** @throws ModelFitException {@code INVALID_DATA} for a customer with spend days but no positive mean */
        static SpendData of(Collection<CustomerSummary> customers) {
            int[] frequency = new int[customers.size()];
            double[] spend = new double[customers.size()];
            int n = 0;
            for (CustomerSummary c : customers) {
                if (c.spendDays() == 0) {
                    continue;
                }
                if (!(c.monetaryValue() > 0)) {
                    throw new ModelFitException(ModelFitException.Reason.INVALID_DATA, "Gamma-Gamma needs a positive"
                            + " mean repeat spend, customer " + c.customerId() + " has " + c.monetaryValue());
                }
                frequency[n] = c.spendDays();
                spend[n] = c.monetaryValue();
                n++;
            }
            return new SpendData(Arrays.copyOf(frequency, n), Arrays.copyOf(spend, n));
        }

        int customers() {
            return frequency.length;
        }
    }
}
