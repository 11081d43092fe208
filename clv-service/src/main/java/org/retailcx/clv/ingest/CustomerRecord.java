package org.retailcx.clv.ingest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer's value-relevant attributes: the segment models and metrics group by, and how it was acquired. */
@RegisterForReflection
public record CustomerRecord(
        @NotBlank @Size(max = 128) String customerId,
        @Size(max = 128) String segment,
        @Size(max = 64) String acquisitionChannel,
        LocalDate acquiredOn) {
}
