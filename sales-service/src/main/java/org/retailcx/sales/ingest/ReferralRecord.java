package org.retailcx.sales.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer referral (referrer, referred person, status, reward, referral and conversion dates). */
@RegisterForReflection
public record ReferralRecord(
        @NotBlank @Size(max = 128) String referralId,
        @NotBlank @Size(max = 128) String referrerCustomerId,
        @Size(max = 256) String referredName,
        @Email @Size(max = 256) String referredEmail,
        @Size(max = 128) String referredCustomerId,
        @Size(max = 128) String leadId,
        @Size(max = 128) String opportunityId,
        @NotBlank @Size(max = 32) String status,
        BigDecimal rewardAmount,
        LocalDate referralDate,
        LocalDate conversionDate,
        OffsetDateTime updatedAt) {

    public ReferralRecord {
        referredEmail = Emails.trimmed(referredEmail);
    }
}
