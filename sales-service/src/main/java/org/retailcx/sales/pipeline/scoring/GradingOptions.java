package org.retailcx.sales.pipeline.scoring;

import java.util.List;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.GradePolicy;
import org.retailcx.sales.model.scoring.GradeThresholds;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How a model's leads are graded, chosen per model:
 * <ul>
 * <li>{@code training-quantiles} (default): A–D = the top {@code shares} of the training scores, frozen as
 * probabilities at training;</li>
 * <li>{@code recent-quantiles}: the same shares of the scores the CRM's leads got in the last {@code windowDays},
 * refreshed on a schedule, so that a shift of the lead mix or the base rate cannot grade almost everyone A;</li>
 * <li>{@code conversion-targets}: A, B, C = expected conversion (the calibrated probability) of at least
 * {@code targets}[0], [1], [2]; D the rest.</li>
 * </ul>
 */
@RegisterForReflection
public record GradingOptions(String basis, List<Double> shares, Integer windowDays, List<Double> targets) {

    public static final String TRAINING_QUANTILES = "training-quantiles";
    public static final String RECENT_QUANTILES = "recent-quantiles";
    public static final String CONVERSION_TARGETS = "conversion-targets";
    public static final int DEFAULT_WINDOW_DAYS = 30;

    public static GradingOptions defaults() {
        return new GradingOptions(null, null, null, null);
    }

    public GradingOptions normalised() {
        String b = basis == null ? TRAINING_QUANTILES : basis;
        if (!List.of(TRAINING_QUANTILES, RECENT_QUANTILES, CONVERSION_TARGETS).contains(b)) {
            throw ProblemException.invalid("grading.basis", "must be " + TRAINING_QUANTILES + ", " + RECENT_QUANTILES
                    + " or " + CONVERSION_TARGETS);
        }
        GradePolicy defaults = GradePolicy.defaults();
        List<Double> s = shares == null ? List.of(defaults.shareA(), defaults.shareB(), defaults.shareC()) : shares;
        try {
            if (s.size() != 3) {
                throw new IllegalArgumentException("three shares: A, B, C");
            }
            new GradePolicy(s.get(0), s.get(1), s.get(2));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid("grading.shares", "must be three shares (A, B, C) above 0 that leave room"
                    + " for D, e.g. [0.1, 0.2, 0.3]");
        }
        int window = windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays;
        if (window < 1 || window > 3660) {
            throw ProblemException.invalid("grading.windowDays", "must be 1..3660");
        }
        List<Double> t = targets;
        if (b.equals(CONVERSION_TARGETS)) {
            try {
                if (t == null || t.size() != 3) {
                    throw new IllegalArgumentException("three targets");
                }
                new GradeThresholds(t.get(0), t.get(1), t.get(2));
                if (t.get(2) <= 0) {
                    throw new IllegalArgumentException("C above 0");
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.invalid("grading.targets", "must be three expected conversion rates for A, B"
                        + " and C, descending, in (0, 1], e.g. [0.3, 0.15, 0.05]");
            }
        } else if (t != null) {
            throw ProblemException.invalid("grading.targets", "belongs to the " + CONVERSION_TARGETS + " basis");
        }
        return new GradingOptions(b, List.copyOf(s), window, t == null ? null : List.copyOf(t));
    }

    GradePolicy policy() {
        return new GradePolicy(shares.get(0), shares.get(1), shares.get(2));
    }

    /** What a new version's first cut-offs are: the targets, else its training quantiles (recent ones come later). */
    String initialBasis() {
        return basis.equals(CONVERSION_TARGETS) ? CONVERSION_TARGETS : TRAINING_QUANTILES;
    }

    /** The cut-offs a new version starts with: its training quantiles, or the targets. */
    GradeThresholds initial(GradeThresholds training) {
        return basis.equals(CONVERSION_TARGETS) ? new GradeThresholds(targets.get(0), targets.get(1), targets.get(2))
                : training;
    }
}
