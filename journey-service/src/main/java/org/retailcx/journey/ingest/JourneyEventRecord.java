package org.retailcx.journey.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An event that may move journeys: a digital step ingested from the app or the web ({@code app.login},
 * {@code web.application-step}), or another service's domain event (consumed, see {@link JourneySources}).
 * {@code customerId} is the journey subject: a customer id, or a golden lead id for lead events
 * ({@code subjectType = lead}). {@code data} is what journey conditions read as {@code event}.
 */
@RegisterForReflection
public record JourneyEventRecord(
        @NotBlank @Size(max = 200) String eventId,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[a-z][a-z0-9.-]*[a-z0-9]",
                message = "must be a dotted lower-case event type such as app.login") String eventType,
        @NotBlank @Size(max = 128) String customerId,
        @Pattern(regexp = "customer|lead", message = "must be customer or lead") String subjectType,
        @NotNull OffsetDateTime occurredAt,
        @NotNull Map<String, Object> data,
        Map<String, Object> customerAttributes,
        @DecimalMin("0") BigDecimal conversionValue) {

    public static final String CUSTOMER = "customer";
    public static final String LEAD = "lead";

    /** The subject type, {@code customer} unless the record says otherwise. */
    public String subject() {
        return subjectType == null ? CUSTOMER : subjectType;
    }
}
