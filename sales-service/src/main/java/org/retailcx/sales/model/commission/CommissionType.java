package org.retailcx.sales.model.commission;

import java.util.Arrays;
import java.util.Optional;

/** What a commission pays for; {@link #label()} is how CRMs, compensation systems and events name it. */
public enum CommissionType {
    NEW_ACCOUNT("New Account"),
    CROSS_SELL("Cross-Sell"),
    REFERRAL("Referral");

    private final String label;

    CommissionType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<CommissionType> ofLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    /**
     * Referral wins over the others (the plan rewards the channel that brought the deal), then New Account for an
     * account's first won deal, else Cross-Sell (the account is already a customer).
     */
    public static CommissionType classify(String leadSource, boolean firstWonDealOfAccount) {
        if ("Referral".equals(leadSource)) {
            return REFERRAL;
        }
        return firstWonDealOfAccount ? NEW_ACCOUNT : CROSS_SELL;
    }
}
