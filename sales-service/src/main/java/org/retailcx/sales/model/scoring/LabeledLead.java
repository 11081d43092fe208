package org.retailcx.sales.model.scoring;

import java.util.Objects;

/** A historical lead with its known outcome, used for training and evaluation. */
public record LabeledLead(LeadFeatures lead, boolean converted) {

    public LabeledLead {
        Objects.requireNonNull(lead, "lead");
    }
}
