package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of a CRM lead. Field names mirror sales-service's {@code api.LeadRecord}. The generator states no
 * contact consent (null: not sent), so its leads' contact data stay hidden from marketing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadRecord(
        String leadId,
        String firstName,
        String lastName,
        String email,
        String phone,
        LocalDate dateOfBirth,
        String postalCode,
        Boolean contactConsent,
        String source,
        String campaignId,
        String productInterest,
        BigDecimal leadScore,
        String leadGrade,
        String qualificationStatus,
        String disqualificationReason,
        String assignedSalesRep,
        LocalDate assignmentDate,
        LocalDate createdDate,
        String convertedOpportunityId,
        Map<String, Object> attributes,
        OffsetDateTime updatedAt) {
}
