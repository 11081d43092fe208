package org.retailcx.clv.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hipparchus.random.JDKRandomGenerator;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Draws synthetic customers from a known BG/NBD purchase process with Gamma-Gamma spend, for testing fits and
 * benchmarking. Each customer draws λ ~ Gamma(r, rate α), p ~ Beta(a, b) and ν ~ Gamma(q, rate γ); while alive they
 * buy with exponential(λ) gaps, each purchase worth Gamma(p, rate ν), and after every repeat purchase they drop out
 * with probability p. Reproducible: one seeded {@link java.util.Random} drives Hipparchus' variate generators, and
 * customers are drawn in order, so a seed and the same calls give the same output.
 *
 * <p>Not thread-safe: it carries the random stream.
 */
public final class BgNbdSimulator {

    /**
     * A cohort acquired over {@code acquisitionDays} days from {@code firstAcquisition} (first purchase day uniform
     * over them) and observed until {@code observationEnd} inclusive; the model's period is {@code daysPerPeriod}
     * days.
     */
    public record Cohort(int customers, LocalDate firstAcquisition, int acquisitionDays, LocalDate observationEnd,
            double daysPerPeriod) {

        public Cohort {
            if (customers < 1 || acquisitionDays < 1 || !(daysPerPeriod > 0)) {
                throw new IllegalArgumentException("customers, acquisitionDays and daysPerPeriod must be positive");
            }
            if (firstAcquisition.plusDays(acquisitionDays - 1L).isAfter(observationEnd)) {
                throw new IllegalArgumentException("acquisition runs past the observation end " + observationEnd);
            }
        }
    }

    private final BgNbdParameters purchases;
    private final GammaGammaParameters spend;
    private final RandomDataGenerator random;

    public BgNbdSimulator(BgNbdParameters purchases, GammaGammaParameters spend, long seed) {
        this.purchases = purchases;
        this.spend = spend;
        this.random = RandomDataGenerator.of(new JDKRandomGenerator(new Random(seed)));
    }

    /**
     * Summaries in continuous time, exactly as the model generates them: customer i is "c" + i, observed for T
     * drawn uniformly in [minAge, maxAge] periods; monetary value is the mean of the repeat purchases' values.
     */
    public List<CustomerSummary> simulate(int customers, double minAge, double maxAge) {
        if (customers < 1 || !(minAge > 0 && maxAge >= minAge)) {
            throw new IllegalArgumentException("need customers >= 1 and 0 < minAge <= maxAge");
        }
        List<CustomerSummary> result = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            double age = minAge == maxAge ? minAge : random.nextUniform(minAge, maxAge);
            Customer c = drawCustomer();
            int x = 0;
            double lastTime = 0;
            double repeatSpend = 0;
            for (double t = nextPurchase(0, c); t <= age; t = nextPurchase(t, c)) {
                x++;
                lastTime = t;
                repeatSpend += drawSpend(c.spendRate());
                if (random.nextDouble() < c.dropout()) {
                    break;
                }
            }
            result.add(new CustomerSummary("c" + i, x, lastTime, age, x == 0 ? 0 : repeatSpend / x));
        }
        return result;
    }

    /**
     * Dated transactions for a cohort, as a transaction log would hold them: purchase times are continuous but
     * recorded by day, so two purchases on one day become one purchase day for {@link RfmSummarizer}.
     */
    public List<Transaction> simulateTransactions(Cohort cohort) {
        List<Transaction> result = new ArrayList<>();
        long endDay = cohort.observationEnd().toEpochDay();
        for (int i = 0; i < cohort.customers(); i++) {
            String id = "c" + i;
            LocalDate first = cohort.firstAcquisition().plusDays(random.nextInt(cohort.acquisitionDays()));
            double age = (endDay - first.toEpochDay()) / cohort.daysPerPeriod();
            Customer c = drawCustomer();
            result.add(new Transaction(id, first, drawSpend(c.spendRate())));
            for (double t = nextPurchase(0, c); t <= age; t = nextPurchase(t, c)) {
                LocalDate day = first.plusDays((long) Math.floor(t * cohort.daysPerPeriod()));
                result.add(new Transaction(id, day, drawSpend(c.spendRate())));
                if (random.nextDouble() < c.dropout()) {
                    break;
                }
            }
        }
        return result;
    }

    private record Customer(double purchaseRate, double dropout, double spendRate) {
    }

    private Customer drawCustomer() {
        double lambda = random.nextGamma(purchases.r(), 1 / purchases.alpha());
        double p = random.nextBeta(purchases.a(), purchases.b());
        double nu = random.nextGamma(spend.q(), 1 / spend.gamma());
        return new Customer(lambda, p, nu);
    }

    private double nextPurchase(double now, Customer c) {
        return now + random.nextExponential(1 / c.purchaseRate());
    }

    private double drawSpend(double spendRate) {
        return random.nextGamma(spend.p(), 1 / spendRate);
    }
}
