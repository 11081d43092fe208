package org.retailcx.synthetic.sales;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A sales activity (call, email, meeting, demo, proposal sent). Field names mirror sales-service's {@code api.ActivityRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityRecord(
        String activityId,
        String activityType,
        String opportunityId,
        String leadId,
        String accountId,
        String subject,
        String outcome,
        String notes,
        String completedBy,
        OffsetDateTime completedDate,
        Integer durationMinutes,
        OffsetDateTime updatedAt) {
}
