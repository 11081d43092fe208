package org.retailcx.schema.sales;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The active lead-scoring model gave a golden lead a new probability of conversion and grade. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeadScored(
        String goldenLeadId,
        double probability,
        String grade,
        int modelVersion) {
}
