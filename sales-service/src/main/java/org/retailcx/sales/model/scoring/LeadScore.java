package org.retailcx.sales.model.scoring;

import java.util.Objects;

/** The scorer's answer for one lead: probability of conversion and its grade. */
public record LeadScore(double probability, Grade grade) {

    public LeadScore {
        Objects.requireNonNull(grade, "grade");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
    }
}
