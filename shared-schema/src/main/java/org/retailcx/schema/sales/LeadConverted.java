package org.retailcx.schema.sales;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A golden lead became an opportunity (of customer {@code customerId}, when known). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadConverted(
        String goldenLeadId,
        String opportunityId,
        String customerId,
        String source,
        String campaignId,
        LocalDate leadCreatedDate) {
}
