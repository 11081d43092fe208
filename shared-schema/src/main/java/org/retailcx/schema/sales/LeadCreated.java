package org.retailcx.schema.sales;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A golden (deduplicated) lead exists for the first time. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadCreated(
        String goldenLeadId,
        String sourceLeadId,
        String source,
        String campaignId,
        String productInterest,
        String assignedRepId,
        LocalDate createdDate) {
}
