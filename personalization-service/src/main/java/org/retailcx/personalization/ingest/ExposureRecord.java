package org.retailcx.personalization.ingest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.retailcx.platform.problem.ProblemException;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's exposure to an experiment's variant (one record per experiment and customer; a later record updates
 * the exposure count and the conversion), with the success metric's value and, for CUPED, its pre-period value.
 * A record for an undefined experiment or a variant it does not have is kept in bronze and quarantined.
 */
@RegisterForReflection
public record ExposureRecord(
        @NotBlank @Size(max = 128) String experimentId,
        @NotBlank @Size(max = 128) String customerId,
        @NotBlank @Size(max = 64) String variantId,
        @NotNull OffsetDateTime assignmentDate,
        @NotNull @Min(1) Integer exposureCount,
        Boolean conversionFlag,
        OffsetDateTime conversionDate,
        Double metricValue,
        Double preMetricValue) {

    /** The bronze source record id: one record per experiment and customer. */
    public static String key(ExposureRecord e) {
        return e.experimentId() + ":" + e.customerId();
    }

    public boolean converted() {
        return Boolean.TRUE.equals(conversionFlag);
    }

    /** The metric analysed: the value given, else the conversion as 0/1. */
    public double metric() {
        return metricValue != null ? metricValue : converted() ? 1 : 0;
    }

    /** A 400 naming the field before anything is written: a conversion date needs a conversion after exposure. */
    public static ExposureRecord checked(ExposureRecord e) {
        if (e.conversionDate() != null && !e.converted()) {
            throw ProblemException.invalid("conversionDate", "given without conversionFlag true");
        }
        if (e.conversionDate() != null && e.conversionDate().isBefore(e.assignmentDate())) {
            throw ProblemException.invalid("conversionDate", "is before assignmentDate " + e.assignmentDate());
        }
        return e;
    }
}
