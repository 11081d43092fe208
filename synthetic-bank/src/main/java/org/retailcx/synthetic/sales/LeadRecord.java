package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of a CRM lead. Field names mirror sales-service's {@code api.LeadRecord}. Contact consent: true, false
 * or null (not sent); marketing sees a lead's contact data only where it is true.
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
