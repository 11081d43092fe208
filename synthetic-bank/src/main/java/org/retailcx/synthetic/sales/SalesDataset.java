package org.retailcx.synthetic.sales;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated sales organisation: every source's records (all versions, in time order within each list), plus
 * the reference data the records point at. Same seed and scale give an identical dataset.
 */
public record SalesDataset(long seed, SalesScale scale, LocalDate historyStart, LocalDate asOf,
        List<CommissionPlan> commissionPlans, List<Campaign> campaigns,
        List<TerritoryRecord> territories, List<RepRecord> reps, List<LeadRecord> leads,
        List<OpportunityRecord> opportunities, List<ActivityRecord> activities, List<QuoteRecord> quotes,
        List<ReferralRecord> referrals, List<CostRecord> costs, List<CommissionRecord> reportedCommissions) {

    /** Ids of the well-formed but inconsistent opportunities silver should quarantine. */
    public static final List<String> BAD_OPPORTUNITY_IDS = List.of("OPP-BAD-STAGE", "OPP-BAD-AMOUNT",
            "OPP-BAD-PROBABILITY", "OPP-BAD-OWNER");
}
