package org.retailcx.sales.ingest;

import java.util.List;

import org.retailcx.platform.medallion.DataQualityRule;

/**
 * The data-quality rules of each sales source, SQL over the bronze row {@code b}. A version that breaks one is
 * quarantined (rule, field, reason) and never reaches silver; a later valid version of the record resolves it.
 */
public final class SalesRules {

    private SalesRules() {
    }

    static final String ACTIVITY_TYPES = "'Call', 'Email', 'Meeting', 'Demo', 'Proposal Sent'";
    static final String LEAD_SOURCES = "'Web Form', 'Branch', 'Call Center', 'Referral', 'Event'";
    static final String LEAD_STATUSES = "'New', 'Working', 'Qualified', 'Disqualified', 'Converted'";
    static final String PRODUCTS = "'checking', 'savings', 'loan', 'card', 'investment'";
    /** A rep is known once gold has them or bronze received them (load reps before leads and activities). */
    static final String REP_KNOWN = "exists (select 1 from gold.dim_sales_rep r where r.rep_id = %1$s)"
            + " or exists (select 1 from bronze.retail_sales_reps r where r.rep_id = %1$s)";

    /** Applied before ActivityPipeline. */
    public static final List<DataQualityRule> ACTIVITIES = List.of(
            new DataQualityRule("activityType.known", "activityType", "b.activity_type not in (" + ACTIVITY_TYPES + ")",
                    "'unknown activity type ' || b.activity_type"),
            new DataQualityRule("reference.required", "opportunityId",
                    "b.opportunity_id is null and b.lead_id is null and b.account_id is null",
                    "'an activity must reference an opportunity, a lead or an account'"),
            new DataQualityRule("completedBy.known", "completedBy",
                    "b.completed_by is null or not (" + REP_KNOWN.formatted("b.completed_by") + ")",
                    "'unknown rep ' || coalesce(b.completed_by, '(none)')"),
            new DataQualityRule("durationMinutes.non-negative", "durationMinutes", "b.duration_minutes < 0",
                    "'duration must not be negative, got ' || b.duration_minutes"));

    /** Applied before CostPipeline. */
    public static final List<DataQualityRule> COSTS = List.of(
            new DataQualityRule("amount.required", "amount", "b.amount is null", "'amount is missing'"),
            new DataQualityRule("amount.non-negative", "amount", "b.amount < 0", "'negative amount ' || b.amount"),
            new DataQualityRule("costCategory.known", "costCategory", "b.cost_category not in ('sales', 'marketing')",
                    "'unknown cost category ' || b.cost_category || ' (sales or marketing)'"),
            new DataQualityRule("period.format", "period", "b.period !~ '^\\d{4}-(0[1-9]|1[0-2])$'",
                    "'period ' || b.period || ' is not a month such as 2026-11'"));

    /** Applied before LeadPipeline. */
    public static final List<DataQualityRule> LEADS = List.of(
            new DataQualityRule("source.known", "source", "b.source is null or b.source not in (" + LEAD_SOURCES + ")",
                    "'unknown source ' || coalesce(b.source, '(none)')"),
            new DataQualityRule("grade.known", "leadGrade", "b.lead_grade not in ('A', 'B', 'C', 'D')",
                    "'grade must be A-D, got ' || b.lead_grade"),
            new DataQualityRule("score.range", "leadScore", "b.lead_score not between 0 and 100",
                    "'score must be 0-100, got ' || b.lead_score"),
            new DataQualityRule("qualificationStatus.known", "qualificationStatus",
                    "b.qualification_status not in (" + LEAD_STATUSES + ")",
                    "'unknown qualification status ' || b.qualification_status"),
            new DataQualityRule("disqualificationReason.required", "disqualificationReason",
                    "b.qualification_status = 'Disqualified' and coalesce(trim(b.disqualification_reason), '') = ''",
                    "'a disqualified lead needs a reason'"),
            new DataQualityRule("productInterest.known", "productInterest", "b.product_interest not in (" + PRODUCTS + ")",
                    "'unknown product ' || b.product_interest"),
            new DataQualityRule("assignedSalesRep.known", "assignedSalesRep",
                    "b.assigned_sales_rep is not null and not (" + REP_KNOWN.formatted("b.assigned_sales_rep") + ")",
                    "'unknown rep ' || b.assigned_sales_rep"));

    /** Applied before OpportunitySilver. */
    public static final List<DataQualityRule> OPPORTUNITIES = List.of(
            new DataQualityRule("stage.known", "stage",
                    "not exists (select 1 from gold.dim_sales_stage s where s.stage_name = b.stage)",
                    "'unknown stage ' || b.stage"),
            new DataQualityRule("amount.non-negative", "amount", "b.amount < 0", "'negative amount ' || b.amount"),
            new DataQualityRule("probability.range", "probability", "b.probability < 0 or b.probability > 100",
                    "'probability ' || b.probability || ' is outside 0-100'"),
            new DataQualityRule("owner.known", "ownerId",
                    "b.owner_id is null or not exists (select 1 from bronze.retail_sales_reps r where r.rep_id = b.owner_id)",
                    "coalesce('unknown rep ' || b.owner_id || ' (load reps before their opportunities)', 'no owner')"),
            new DataQualityRule("productInterest.known", "productInterest",
                    "b.product_interest is not null and not exists (select 1 from gold.dim_product p"
                            + " where p.product_code = b.product_interest and p.product_code <> 'unknown')",
                    "'unknown product ' || b.product_interest"),
            new DataQualityRule("expectedCloseDate.plausible", "expectedCloseDate",
                    "b.expected_close_date not between date '2000-01-01' and date '2050-12-31'",
                    "'expected close date ' || b.expected_close_date || ' is outside 2000-01-01..2050-12-31'"),
            new DataQualityRule("createdDate.plausible", "createdDate",
                    "b.created_date not between date '2000-01-01' and date '2050-12-31'",
                    "'created date ' || b.created_date || ' is outside 2000-01-01..2050-12-31'"),
            new DataQualityRule("closedWon.amount-positive", "amount",
                    "b.stage = 'Closed Won' and coalesce(b.amount, 0) <= 0",
                    "'a Closed Won deal needs a positive amount'"),
            new DataQualityRule("closedWon.product-required", "productInterest",
                    "b.stage = 'Closed Won' and b.product_interest is null",
                    "'a Closed Won deal needs the product sold'"));

    /** Applied before QuotePipeline. */
    public static final List<DataQualityRule> QUOTES = List.of(
            new DataQualityRule("status.known", "status", "b.status not in ('Draft', 'Sent', 'Accepted', 'Rejected')",
                    "'unknown quote status ' || b.status"),
            new DataQualityRule("quotedAmount.non-negative", "quotedAmount", "b.quoted_amount < 0",
                    "'amount must not be negative, got ' || b.quoted_amount"),
            new DataQualityRule("quotedRate.range", "quotedRate", "b.quoted_rate not between 0 and 100",
                    "'rate must be 0-100, got ' || b.quoted_rate"),
            new DataQualityRule("expirationDate.after-issued", "expirationDate", "b.expiration_date < b.issued_date",
                    "'expires ' || b.expiration_date || ', before it was issued ' || b.issued_date"));

    /** Applied before ReferralPipeline. */
    public static final List<DataQualityRule> REFERRALS = List.of(
            new DataQualityRule("status.known", "status",
                    "b.status not in ('Pending', 'Contacted', 'Converted', 'Rejected')",
                    "'unknown referral status ' || b.status"),
            new DataQualityRule("rewardAmount.non-negative", "rewardAmount", "b.reward_amount < 0",
                    "'reward must not be negative, got ' || b.reward_amount"),
            new DataQualityRule("conversionDate.after-referral", "conversionDate",
                    "b.conversion_date < b.referral_date",
                    "'converted ' || b.conversion_date || ', before the referral ' || b.referral_date"));

    /** Applied before RepDimension. */
    public static final List<DataQualityRule> REPS = List.of(
            new DataQualityRule("territoryId.known", "territoryId",
                    "b.territory_id is not null and not exists (select 1 from bronze.retail_sales_territories t"
                            + " where t.territory_id = b.territory_id)",
                    "'unknown territory ' || b.territory_id || ' (load territories before their reps)'"),
            new DataQualityRule("quotaAmount.non-negative", "quotaAmount", "b.quota_amount < 0",
                    "'negative quota ' || b.quota_amount"),
            new DataQualityRule("quotaPeriod.format", "quotaPeriod",
                    "b.quota_period !~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'",
                    "'quota period ' || b.quota_period || ' is not a year (2026), quarter (2026-Q4) or month (2026-11)'"),
            new DataQualityRule("commissionRate.range", "commissionRate",
                    "b.commission_rate < 0 or b.commission_rate > 1",
                    "'commission rate ' || b.commission_rate || ' is outside 0-1'"));

    /** Applied before ReportedCommissionPipeline. */
    public static final List<DataQualityRule> COMMISSIONS = List.of(
            new DataQualityRule("amount.required", "amount", "b.amount is null", "'amount is missing'"),
            new DataQualityRule("amount.non-negative", "amount",
                    "b.amount < 0 and b.commission_type is distinct from 'Clawback'",
                    "'negative amount ' || b.amount || ' for a ' || coalesce(b.commission_type, 'missing') || ' commission'"),
            new DataQualityRule("commissionType.known", "commissionType",
                    "b.commission_type is null or b.commission_type not in ('New Account', 'Cross-Sell', 'Referral', 'Clawback')",
                    "'unknown commission type ' || coalesce(b.commission_type, '(missing)')"),
            new DataQualityRule("period.format", "period",
                    "b.period is null or b.period !~ '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'",
                    "'period ' || coalesce(b.period, '(missing)') || ' is not a month (2026-11), quarter (2026-Q4) or year'"),
            new DataQualityRule("repId.known", "repId",
                    "not exists (select 1 from gold.dim_sales_rep r where r.rep_id = b.rep_id)",
                    "'unknown rep ' || b.rep_id"));

    /** Applied before TerritoryDimension. */
    public static final List<DataQualityRule> TERRITORIES = List.of(
            new DataQualityRule("parentTerritoryId.known", "parentTerritoryId",
                    "b.parent_territory_id = b.territory_id or (b.parent_territory_id is not null and not exists ("
                            + "select 1 from bronze.retail_sales_territories p where p.territory_id = b.parent_territory_id))",
                    "'unknown parent territory ' || b.parent_territory_id"),
            new DataQualityRule("assignedRepId.known", "assignedRepId",
                    "b.assigned_rep_id is not null and not exists (select 1 from bronze.retail_sales_reps r"
                            + " where r.rep_id = b.assigned_rep_id)",
                    "'unknown rep ' || b.assigned_rep_id || ' (resolved when the rep is loaded)'"));
}
