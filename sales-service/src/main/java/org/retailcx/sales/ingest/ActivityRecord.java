package org.retailcx.sales.ingest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One sales activity (Call, Email, Meeting, Demo, Proposal Sent) as the CRM sends it. */
@RegisterForReflection
public record ActivityRecord(
        @NotBlank @Size(max = 128) String activityId,
        @NotBlank @Size(max = 64) String activityType,
        @Size(max = 128) String opportunityId,
        @Size(max = 128) String leadId,
        @Size(max = 128) String accountId,
        @Size(max = 256) String subject,
        @Size(max = 64) String outcome,
        @Size(max = 4000) String notes,
        @Size(max = 128) String completedBy,
        OffsetDateTime completedDate,
        Integer durationMinutes,
        OffsetDateTime updatedAt) {
}
