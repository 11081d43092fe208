package org.retailcx.clv.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A fitted CLV model version (a row of {@code gold.dim_clv_model}). Time unit: weeks (periodDays = 7). */
@RegisterForReflection
public record ModelVersion(int version, boolean active, OffsetDateTime fittedAt, OffsetDateTime activatedAt,
        String trigger, String segment, LocalDate calibrationStart, LocalDate calibrationEnd, int periodDays,
        Parameters parameters, FitStatistics fitStatistics, Settings settings, long scoredCustomers) {

    @RegisterForReflection
    public record Parameters(BgNbd bgNbd, GammaGamma gammaGamma) {
    }

    @RegisterForReflection
    public record BgNbd(double r, double alpha, double a, double b) {
    }

    @RegisterForReflection
    public record GammaGamma(double p, double q, double gamma) {
    }

    @RegisterForReflection
    public record FitStatistics(double bgNbdLogLikelihood, int bgNbdEvaluations, double gammaGammaLogLikelihood,
            int gammaGammaEvaluations, int customers, int repeatCustomers, double fitSeconds, double scoreSeconds) {
    }

    @RegisterForReflection
    public record Settings(double annualDiscountRate, double margin, int lifetimeMonths) {
    }
}
