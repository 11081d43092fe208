package org.retailcx.personalization.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.retailcx.platform.problem.ProblemException;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An A/B experiment as an analyst defines it: hypothesis and success metric, the variants (the first is the
 * control) with their weights, coverage, the attribute hashed, seed, hash version, an optional namespace range and
 * a targeting condition in GrowthBook's syntax. Checks that span fields run before bronze ({@link #checked}).
 */
@RegisterForReflection
public record ExperimentRecord(
        @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*",
                message = "must be letters, digits, '_', '.' or '-'") String experimentId,
        @NotBlank @Size(max = 256) String name,
        @Size(max = 64) String experimentType,
        LocalDate startDate,
        LocalDate endDate,
        @NotNull @Pattern(regexp = "draft|running|stopped", message = "must be draft, running or stopped")
        String status,
        @Size(max = 2000) String hypothesis,
        @NotBlank @Size(max = 128) String successMetric,
        @NotNull @Size(min = 2, max = 20) List<@NotBlank @Size(max = 64) String> variants,
        @NotNull List<@NotNull @DecimalMin("0") @DecimalMax("1") Double> weights,
        @DecimalMin("0") @DecimalMax("1") Double coverage,
        @Size(max = 64) String hashAttribute,
        @Size(max = 128) String seed,
        @Min(1) @Max(2) Integer hashVersion,
        @Size(max = 64) String namespaceId,
        @DecimalMin("0") @DecimalMax("1") Double namespaceStart,
        @DecimalMin("0") @DecimalMax("1") Double namespaceEnd,
        Map<String, Object> condition) {

    private static final double WEIGHT_TOLERANCE = 1e-9;

    /** The control is the first variant; the others are treatments. */
    public String controlVariantId() {
        return variants.get(0);
    }

    public List<String> treatmentVariantIds() {
        return variants.subList(1, variants.size());
    }

    /** What bean validation cannot say field by field; a 400 naming the field, before anything is written. */
    public static ExperimentRecord checked(ExperimentRecord e) {
        if (e.weights().size() != e.variants().size()) {
            throw ProblemException.invalid("weights", e.weights().size() + " weights for " + e.variants().size()
                    + " variants: give one weight per variant");
        }
        double sum = e.weights().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            throw ProblemException.invalid("weights", "must sum to 1, sum to " + sum);
        }
        if (e.variants().stream().distinct().count() != e.variants().size()) {
            throw ProblemException.invalid("variants", "must be distinct");
        }
        boolean anyNamespace = e.namespaceId() != null || e.namespaceStart() != null || e.namespaceEnd() != null;
        if (anyNamespace && (e.namespaceId() == null || e.namespaceStart() == null || e.namespaceEnd() == null)) {
            throw ProblemException.invalid("namespaceId", "a namespace needs namespaceId, namespaceStart and"
                    + " namespaceEnd");
        }
        if (anyNamespace && e.namespaceStart() >= e.namespaceEnd()) {
            throw ProblemException.invalid("namespaceEnd", "must be above namespaceStart " + e.namespaceStart());
        }
        if (e.startDate() != null && e.endDate() != null && e.endDate().isBefore(e.startDate())) {
            throw ProblemException.invalid("endDate", "is before startDate " + e.startDate());
        }
        return e;
    }
}
