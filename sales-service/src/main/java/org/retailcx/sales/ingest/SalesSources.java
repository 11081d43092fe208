package org.retailcx.sales.ingest;

import static org.retailcx.sales.ingest.BronzeSource.Column.of;

import java.util.List;

import org.retailcx.sales.api.ActivityRecord;
import org.retailcx.sales.api.CommissionRecord;
import org.retailcx.sales.api.CostRecord;
import org.retailcx.sales.api.LeadRecord;
import org.retailcx.sales.api.OpportunityRecord;
import org.retailcx.sales.api.QuoteRecord;
import org.retailcx.sales.api.ReferralRecord;
import org.retailcx.sales.api.RepRecord;
import org.retailcx.sales.api.TerritoryRecord;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The nine feeds sales-service ingests, and where each lands in bronze. */
public final class SalesSources {

    private SalesSources() {
    }

    public static final BronzeSource<OpportunityRecord> OPPORTUNITIES = new BronzeSource<>("opportunities",
            "bronze.retail_sales_opportunities", OpportunityRecord.class, "opportunityId",
            OpportunityRecord::opportunityId, List.of(
                    of("opportunity_id", OpportunityRecord::opportunityId), of("account_id", OpportunityRecord::accountId),
                    of("lead_id", OpportunityRecord::leadId), of("owner_id", OpportunityRecord::ownerId),
                    of("stage", OpportunityRecord::stage), of("amount", OpportunityRecord::amount),
                    of("currency", OpportunityRecord::currency), of("probability", OpportunityRecord::probability),
                    of("expected_close_date", OpportunityRecord::expectedCloseDate),
                    of("product_interest", OpportunityRecord::productInterest),
                    of("lead_source", OpportunityRecord::leadSource), of("campaign_id", OpportunityRecord::campaignId),
                    of("competitive_threat", OpportunityRecord::competitiveThreat),
                    of("loss_reason", OpportunityRecord::lossReason), of("created_date", OpportunityRecord::createdDate),
                    of("crm_updated_at", OpportunityRecord::updatedAt)));

    public static final BronzeSource<LeadRecord> LEADS = new BronzeSource<>("leads", "bronze.retail_sales_leads",
            LeadRecord.class, "leadId", LeadRecord::leadId, List.of(
                    of("lead_id", LeadRecord::leadId), of("first_name", LeadRecord::firstName),
                    of("last_name", LeadRecord::lastName), of("email", LeadRecord::email), of("phone", LeadRecord::phone),
                    of("date_of_birth", LeadRecord::dateOfBirth), of("postal_code", LeadRecord::postalCode),
                    of("source", LeadRecord::source), of("campaign_id", LeadRecord::campaignId),
                    of("product_interest", LeadRecord::productInterest), of("lead_score", LeadRecord::leadScore),
                    of("lead_grade", LeadRecord::leadGrade), of("qualification_status", LeadRecord::qualificationStatus),
                    of("disqualification_reason", LeadRecord::disqualificationReason),
                    of("assigned_sales_rep", LeadRecord::assignedSalesRep),
                    of("assignment_date", LeadRecord::assignmentDate), of("created_date", LeadRecord::createdDate),
                    of("converted_opportunity_id", LeadRecord::convertedOpportunityId),
                    new BronzeSource.Column<>("attributes", r -> json(r.attributes()), "jsonb"),
                    of("crm_updated_at", LeadRecord::updatedAt)));

    public static final BronzeSource<ActivityRecord> ACTIVITIES = new BronzeSource<>("activities",
            "bronze.retail_sales_activities", ActivityRecord.class, "activityId", ActivityRecord::activityId, List.of(
                    of("activity_id", ActivityRecord::activityId), of("activity_type", ActivityRecord::activityType),
                    of("opportunity_id", ActivityRecord::opportunityId), of("lead_id", ActivityRecord::leadId),
                    of("account_id", ActivityRecord::accountId), of("subject", ActivityRecord::subject),
                    of("outcome", ActivityRecord::outcome), of("notes", ActivityRecord::notes),
                    of("completed_by", ActivityRecord::completedBy), of("completed_date", ActivityRecord::completedDate),
                    of("duration_minutes", ActivityRecord::durationMinutes),
                    of("crm_updated_at", ActivityRecord::updatedAt)));

    public static final BronzeSource<QuoteRecord> QUOTES = new BronzeSource<>("quotes", "bronze.retail_sales_quotes",
            QuoteRecord.class, "quoteId", QuoteRecord::quoteId, List.of(
                    of("quote_id", QuoteRecord::quoteId), of("opportunity_id", QuoteRecord::opportunityId),
                    of("product", QuoteRecord::product), of("quoted_amount", QuoteRecord::quotedAmount),
                    of("quoted_rate", QuoteRecord::quotedRate), of("currency", QuoteRecord::currency),
                    of("status", QuoteRecord::status), of("issued_date", QuoteRecord::issuedDate),
                    of("expiration_date", QuoteRecord::expirationDate), of("terms", QuoteRecord::terms),
                    of("crm_updated_at", QuoteRecord::updatedAt)));

    public static final BronzeSource<RepRecord> REPS = new BronzeSource<>("reps", "bronze.retail_sales_reps",
            RepRecord.class, "repId", RepRecord::repId, List.of(
                    of("rep_id", RepRecord::repId), of("employee_id", RepRecord::employeeId), of("name", RepRecord::name),
                    of("email", RepRecord::email), of("territory_id", RepRecord::territoryId),
                    of("team", RepRecord::team), of("manager_id", RepRecord::managerId),
                    of("quota_amount", RepRecord::quotaAmount), of("quota_period", RepRecord::quotaPeriod),
                    of("commission_rate", RepRecord::commissionRate),
                    of("commission_plan_id", RepRecord::commissionPlanId), of("active", RepRecord::active),
                    of("hire_date", RepRecord::hireDate), of("effective_date", RepRecord::effectiveDate),
                    of("crm_updated_at", RepRecord::updatedAt)));

    public static final BronzeSource<TerritoryRecord> TERRITORIES = new BronzeSource<>("territories",
            "bronze.retail_sales_territories", TerritoryRecord.class, "territoryId", TerritoryRecord::territoryId,
            List.of(of("territory_id", TerritoryRecord::territoryId), of("name", TerritoryRecord::name),
                    of("region", TerritoryRecord::region), of("parent_territory_id", TerritoryRecord::parentTerritoryId),
                    new BronzeSource.Column<>("zip_codes", r -> array(r.zipCodes()), "text[]"),
                    new BronzeSource.Column<>("branches", r -> array(r.branches()), "text[]"),
                    of("assigned_rep_id", TerritoryRecord::assignedRepId),
                    of("crm_updated_at", TerritoryRecord::updatedAt)));

    public static final BronzeSource<CommissionRecord> COMMISSIONS = new BronzeSource<>("commissions",
            "bronze.retail_sales_commissions", CommissionRecord.class, "commissionId", CommissionRecord::commissionId,
            List.of(of("commission_id", CommissionRecord::commissionId), of("rep_id", CommissionRecord::repId),
                    of("opportunity_id", CommissionRecord::opportunityId),
                    of("commission_type", CommissionRecord::commissionType), of("amount", CommissionRecord::amount),
                    of("currency", CommissionRecord::currency), of("period", CommissionRecord::period),
                    of("paid", CommissionRecord::paid), of("paid_date", CommissionRecord::paidDate),
                    of("crm_updated_at", CommissionRecord::updatedAt)));

    public static final BronzeSource<ReferralRecord> REFERRALS = new BronzeSource<>("referrals",
            "bronze.retail_sales_referrals", ReferralRecord.class, "referralId", ReferralRecord::referralId, List.of(
                    of("referral_id", ReferralRecord::referralId),
                    of("referrer_customer_id", ReferralRecord::referrerCustomerId),
                    of("referred_name", ReferralRecord::referredName),
                    of("referred_email", ReferralRecord::referredEmail),
                    of("referred_customer_id", ReferralRecord::referredCustomerId),
                    of("lead_id", ReferralRecord::leadId), of("opportunity_id", ReferralRecord::opportunityId),
                    of("status", ReferralRecord::status), of("reward_amount", ReferralRecord::rewardAmount),
                    of("referral_date", ReferralRecord::referralDate),
                    of("conversion_date", ReferralRecord::conversionDate),
                    of("crm_updated_at", ReferralRecord::updatedAt)));

    public static final BronzeSource<CostRecord> COSTS = new BronzeSource<>("costs", "bronze.retail_sales_costs",
            CostRecord.class, "costId", CostRecord::costId, List.of(
                    of("cost_id", CostRecord::costId), of("period", CostRecord::period),
                    of("campaign_id", CostRecord::campaignId), of("cost_category", CostRecord::costCategory),
                    of("amount", CostRecord::amount), of("currency", CostRecord::currency),
                    of("crm_updated_at", CostRecord::updatedAt)));

    public static final List<BronzeSource<?>> ALL = List.of(OPPORTUNITIES, LEADS, ACTIVITIES, QUOTES, REPS,
            TERRITORIES, COMMISSIONS, REFERRALS, COSTS);

    private static String json(Object value) {
        try {
            return value == null ? null : EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }
}
