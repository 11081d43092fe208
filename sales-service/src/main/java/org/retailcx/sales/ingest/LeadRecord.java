package org.retailcx.sales.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One lead as the CRM sends it. Shape only: whether the source, grade or rep are known is silver's work. The
 * same person may arrive under several lead ids from several sources; silver merges them into one golden lead.
 * {@code contactConsent} is the person's consent to be contacted by marketing (absent: no consent).
 * {@code attributes} holds free fields (numbers, strings, booleans) that lead scoring may use as features.
 */
@RegisterForReflection
public record LeadRecord(
        @NotBlank @Size(max = 128) String leadId,
        @Size(max = 128) String firstName,
        @Size(max = 128) String lastName,
        @Email @Size(max = 256) String email,
        @Size(max = 64) String phone,
        LocalDate dateOfBirth,
        @Size(max = 16) String postalCode,
        Boolean contactConsent,
        @Size(max = 64) String source,
        @Size(max = 128) String campaignId,
        @Size(max = 64) String productInterest,
        BigDecimal leadScore,
        @Size(max = 1) String leadGrade,
        @Size(max = 64) String qualificationStatus,
        @Size(max = 256) String disqualificationReason,
        @Size(max = 128) String assignedSalesRep,
        LocalDate assignmentDate,
        LocalDate createdDate,
        @Size(max = 128) String convertedOpportunityId,
        Map<String, Object> attributes,
        OffsetDateTime updatedAt) {

    public LeadRecord {
        email = Emails.trimmed(email);
    }
}
