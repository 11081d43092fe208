package org.retailcx.journey.ingest;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's contact preferences from the CRM: the IANA time zone their clock runs in, quiet hours they chose
 * (replacing the channels' own; both ends or neither), channels they opted out of, and attributes that journey
 * conditions read as {@code customer}.
 */
@RegisterForReflection
public record CustomerRecord(
        @NotBlank @Size(max = 128) String customerId,
        @NotBlank @Size(max = 64) String timeZone,
        LocalTime quietHoursStart,
        LocalTime quietHoursEnd,
        List<@NotBlank @Size(max = 32) String> optedOutChannels,
        Map<String, Object> attributes) {
}
