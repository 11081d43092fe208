package org.retailcx.sales.ingest;

import static org.retailcx.platform.medallion.MedallionSource.Column.of;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.MedallionDomain;
import org.retailcx.sales.metrics.RepScope;
import org.retailcx.platform.medallion.MedallionSource;
import org.retailcx.platform.medallion.MedallionSource.Access;
import org.retailcx.platform.medallion.MedallionSource.Owner;
import org.retailcx.platform.security.PersonalData;
import org.retailcx.platform.security.Roles;

/**
 * The nine feeds sales-service ingests: where each lands in bronze, its rules ({@link SalesRules}) and who may
 * write and read it. The platform serves their endpoints under {@code /api/v1/sales/}.
 */
@ApplicationScoped
public class SalesSources implements MedallionDomain {

    /**
     * CRM feeds: reps and managers upsert single records from the CRM (a rep only records of their own book, see each
     * source's owner); bulk syncs are machine ingestion.
     */
    static final Access CRM = Access.of(Set.of(Roles.SERVICE, Roles.SALES_REP, Roles.SALES_MANAGER, Roles.ADMIN),
            Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.DATA_SCIENTIST, Roles.ADMIN));
    /**
     * Rep master data (quota, commission rate) and reported commissions: written by HR/compensation systems and
     * admins only; a rep reads the versions of their own record, a manager any.
     */
    static final Access REP_OWNED_FINANCE = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.SERVICE, Roles.ADMIN), Set.of(Roles.SALES_REP, Roles.SALES_MANAGER, Roles.DATA_SCIENTIST,
                    Roles.ADMIN));
    /** Territories and costs: master data and finance feeds, written by systems and admins only. */
    static final Access MASTER_DATA = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN), Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.SALES_MANAGER, Roles.DATA_SCIENTIST, Roles.ADMIN));
    /** A golden lead's personal fields, masked per role ({@link org.retailcx.platform.security.PersonalData}). */
    static final Map<String, PersonalData.Kind> LEAD_PERSONAL_DATA = Map.of("firstName", PersonalData.Kind.NAME,
            "lastName", PersonalData.Kind.NAME, "email", PersonalData.Kind.CONTACT, "phone", PersonalData.Kind.CONTACT,
            "dateOfBirth", PersonalData.Kind.BIRTH_DATE, "postalCode", PersonalData.Kind.ADDRESS);

    public static final MedallionSource<OpportunityRecord> OPPORTUNITIES = MedallionSource.of("opportunities", OpportunityRecord.class)
            .path("opportunities").table("bronze.retail_sales_opportunities").id("opportunityId", OpportunityRecord::opportunityId)
            .rules(SalesRules.OPPORTUNITIES).access(CRM).customerColumn("account_id")
            .owner(Owner.field("owner_id", "ownerId", OpportunityRecord::ownerId))
            .columns(of("opportunity_id", OpportunityRecord::opportunityId), of("account_id", OpportunityRecord::accountId),
                    of("lead_id", OpportunityRecord::leadId), of("owner_id", OpportunityRecord::ownerId),
                    of("stage", OpportunityRecord::stage), of("amount", OpportunityRecord::amount),
                    of("currency", OpportunityRecord::currency), of("probability", OpportunityRecord::probability),
                    of("expected_close_date", OpportunityRecord::expectedCloseDate),
                    of("product_interest", OpportunityRecord::productInterest),
                    of("lead_source", OpportunityRecord::leadSource), of("campaign_id", OpportunityRecord::campaignId),
                    of("competitive_threat", OpportunityRecord::competitiveThreat),
                    of("loss_reason", OpportunityRecord::lossReason), of("created_date", OpportunityRecord::createdDate),
                    of("crm_updated_at", "updatedAt", OpportunityRecord::updatedAt))
            .build();

    public static final MedallionSource<LeadRecord> LEADS = MedallionSource.of("leads", LeadRecord.class)
            .path("leads").table("bronze.retail_sales_leads").id("leadId", LeadRecord::leadId)
            .rules(SalesRules.LEADS).access(CRM)
            .owner(Owner.field("assigned_sales_rep", "assignedSalesRep", LeadRecord::assignedSalesRep))
            .personalData(LEAD_PERSONAL_DATA, "contactConsent")
            .columns(of("lead_id", LeadRecord::leadId), of("first_name", LeadRecord::firstName),
                    of("last_name", LeadRecord::lastName), of("email", LeadRecord::email), of("phone", LeadRecord::phone),
                    of("date_of_birth", LeadRecord::dateOfBirth), of("postal_code", LeadRecord::postalCode),
                    of("contact_consent", LeadRecord::contactConsent),
                    of("source", LeadRecord::source), of("campaign_id", LeadRecord::campaignId),
                    of("product_interest", LeadRecord::productInterest), of("lead_score", LeadRecord::leadScore),
                    of("lead_grade", LeadRecord::leadGrade), of("qualification_status", LeadRecord::qualificationStatus),
                    of("disqualification_reason", LeadRecord::disqualificationReason),
                    of("assigned_sales_rep", LeadRecord::assignedSalesRep),
                    of("assignment_date", LeadRecord::assignmentDate), of("created_date", LeadRecord::createdDate),
                    of("converted_opportunity_id", LeadRecord::convertedOpportunityId),
                    of("attributes", LeadRecord::attributes),
                    of("crm_updated_at", "updatedAt", LeadRecord::updatedAt))
            .build();

    public static final MedallionSource<ActivityRecord> ACTIVITIES = MedallionSource.of("activities", ActivityRecord.class)
            .path("activities").table("bronze.retail_sales_activities").id("activityId", ActivityRecord::activityId)
            .rules(SalesRules.ACTIVITIES).access(CRM).customerColumn("account_id")
            .owner(Owner.field("completed_by", "completedBy", ActivityRecord::completedBy))
            .columns(of("activity_id", ActivityRecord::activityId), of("activity_type", ActivityRecord::activityType),
                    of("opportunity_id", ActivityRecord::opportunityId), of("lead_id", ActivityRecord::leadId),
                    of("account_id", ActivityRecord::accountId), of("subject", ActivityRecord::subject),
                    of("outcome", ActivityRecord::outcome), of("notes", ActivityRecord::notes),
                    of("completed_by", ActivityRecord::completedBy), of("completed_date", ActivityRecord::completedDate),
                    of("duration_minutes", ActivityRecord::durationMinutes),
                    of("crm_updated_at", "updatedAt", ActivityRecord::updatedAt))
            .build();

    public static final MedallionSource<QuoteRecord> QUOTES = MedallionSource.of("quotes", QuoteRecord.class)
            .path("quotes").table("bronze.retail_sales_quotes").id("quoteId", QuoteRecord::quoteId)
            .rules(SalesRules.QUOTES).access(CRM)
            .owner(Owner.through(OPPORTUNITIES, "opportunity_id", "opportunityId", QuoteRecord::opportunityId))
            .columns(of("quote_id", QuoteRecord::quoteId), of("opportunity_id", QuoteRecord::opportunityId),
                    of("product", QuoteRecord::product), of("quoted_amount", QuoteRecord::quotedAmount),
                    of("quoted_rate", QuoteRecord::quotedRate), of("currency", QuoteRecord::currency),
                    of("status", QuoteRecord::status), of("issued_date", QuoteRecord::issuedDate),
                    of("expiration_date", QuoteRecord::expirationDate), of("terms", QuoteRecord::terms),
                    of("crm_updated_at", "updatedAt", QuoteRecord::updatedAt))
            .build();

    public static final MedallionSource<RepRecord> REPS = MedallionSource.of("reps", RepRecord.class)
            .path("reps").table("bronze.retail_sales_reps").id("repId", RepRecord::repId)
            .rules(SalesRules.REPS).access(REP_OWNED_FINANCE)
            .owner(Owner.field("rep_id", "repId", RepRecord::repId))
            .columns(of("rep_id", RepRecord::repId), of("employee_id", RepRecord::employeeId), of("name", RepRecord::name),
                    of("email", RepRecord::email), of("territory_id", RepRecord::territoryId),
                    of("team", RepRecord::team), of("manager_id", RepRecord::managerId),
                    of("quota_amount", RepRecord::quotaAmount), of("quota_period", RepRecord::quotaPeriod),
                    of("commission_rate", RepRecord::commissionRate),
                    of("commission_plan_id", RepRecord::commissionPlanId), of("active", RepRecord::active),
                    of("hire_date", RepRecord::hireDate), of("effective_date", RepRecord::effectiveDate),
                    of("crm_updated_at", "updatedAt", RepRecord::updatedAt))
            .build();

    public static final MedallionSource<TerritoryRecord> TERRITORIES = MedallionSource.of("territories", TerritoryRecord.class)
            .path("territories").table("bronze.retail_sales_territories").id("territoryId", TerritoryRecord::territoryId)
            .rules(SalesRules.TERRITORIES).access(MASTER_DATA)
            .columns(of("territory_id", TerritoryRecord::territoryId), of("name", TerritoryRecord::name),
                    of("region", TerritoryRecord::region), of("parent_territory_id", TerritoryRecord::parentTerritoryId),
                    of("zip_codes", TerritoryRecord::zipCodes),
                    of("branches", TerritoryRecord::branches),
                    of("assigned_rep_id", TerritoryRecord::assignedRepId),
                    of("crm_updated_at", "updatedAt", TerritoryRecord::updatedAt))
            .build();

    public static final MedallionSource<CommissionRecord> COMMISSIONS = MedallionSource.of("commissions", CommissionRecord.class)
            .path("commissions/reported").table("bronze.retail_sales_commissions").id("commissionId", CommissionRecord::commissionId)
            .rules(SalesRules.COMMISSIONS).access(REP_OWNED_FINANCE)
            .owner(Owner.field("rep_id", "repId", CommissionRecord::repId))
            .columns(of("commission_id", CommissionRecord::commissionId), of("rep_id", CommissionRecord::repId),
                    of("opportunity_id", CommissionRecord::opportunityId),
                    of("commission_type", CommissionRecord::commissionType), of("amount", CommissionRecord::amount),
                    of("currency", CommissionRecord::currency), of("period", CommissionRecord::period),
                    of("paid", CommissionRecord::paid), of("paid_date", CommissionRecord::paidDate),
                    of("crm_updated_at", "updatedAt", CommissionRecord::updatedAt))
            .build();

    public static final MedallionSource<ReferralRecord> REFERRALS = MedallionSource.of("referrals", ReferralRecord.class)
            .path("referrals").table("bronze.retail_sales_referrals").id("referralId", ReferralRecord::referralId)
            .rules(SalesRules.REFERRALS).access(CRM).customerColumn("referrer_customer_id")
            .owner(Owner.through(LEADS, "lead_id", "leadId", ReferralRecord::leadId))
            .personalData(Map.of("referredName", PersonalData.Kind.NAME, "referredEmail", PersonalData.Kind.CONTACT),
                    null)
            .columns(of("referral_id", ReferralRecord::referralId),
                    of("referrer_customer_id", ReferralRecord::referrerCustomerId),
                    of("referred_name", ReferralRecord::referredName),
                    of("referred_email", ReferralRecord::referredEmail),
                    of("referred_customer_id", ReferralRecord::referredCustomerId),
                    of("lead_id", ReferralRecord::leadId), of("opportunity_id", ReferralRecord::opportunityId),
                    of("status", ReferralRecord::status), of("reward_amount", ReferralRecord::rewardAmount),
                    of("referral_date", ReferralRecord::referralDate),
                    of("conversion_date", ReferralRecord::conversionDate),
                    of("crm_updated_at", "updatedAt", ReferralRecord::updatedAt))
            .build();

    public static final MedallionSource<CostRecord> COSTS = MedallionSource.of("costs", CostRecord.class)
            .path("costs").table("bronze.retail_sales_costs").id("costId", CostRecord::costId)
            .rules(SalesRules.COSTS).access(MASTER_DATA)
            .columns(of("cost_id", CostRecord::costId), of("period", CostRecord::period),
                    of("campaign_id", CostRecord::campaignId), of("cost_category", CostRecord::costCategory),
                    of("amount", CostRecord::amount), of("currency", CostRecord::currency),
                    of("crm_updated_at", "updatedAt", CostRecord::updatedAt))
            .build();

    public static final List<MedallionSource<?>> ALL = List.of(OPPORTUNITIES, LEADS, ACTIVITIES, QUOTES, REPS,
            TERRITORIES, COMMISSIONS, REFERRALS, COSTS);

    @Override
    public String domain() {
        return "sales";
    }

    /** A manager reads the history of their team's records (the rep master's current teams). */
    @Override
    public Optional<String> teamCondition() {
        return Optional.of(RepScope.teamCondition("$1", 2));
    }

    @Override
    public List<MedallionSource<?>> sources() {
        return ALL;
    }

    @Override
    public Set<String> operatorRoles() {
        return Set.of(Roles.SALES_MANAGER, Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SERVICE);
    }
}
