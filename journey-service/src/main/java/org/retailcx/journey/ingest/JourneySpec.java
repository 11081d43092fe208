package org.retailcx.journey.ingest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A journey definition as marketing writes it (JSON). Durations are ISO-8601 ({@code P3D}, {@code PT2H}), local
 * times {@code HH:mm}; {@link JourneySpecMapper} turns it into the model's {@code JourneyDefinition}, naming the
 * field of anything it cannot read. Node {@code type}s: stage, wait, wait-until, wait-for-event, condition-split,
 * random-split, message, next-best-action, end.
 */
@RegisterForReflection
public record JourneySpec(
        @NotNull @Valid Rule entry,
        Boolean admitsUnknownCustomers,
        @NotBlank String start,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Node> nodes,
        List<@NotNull @Valid Rule> goals,
        List<@NotNull @Valid Rule> exits,
        @Valid ReEntry reEntry) {

    /** An event type and an optional CEL condition over {@code event} and {@code customer}. */
    @RegisterForReflection
    public record Rule(@Size(max = 200) String name, @NotBlank @Size(max = 200) String eventType,
            @Size(max = 4096) String condition) {
    }

    /** One node; which fields apply depends on {@code type}. */
    @RegisterForReflection
    public record Node(
            @NotBlank @Size(max = 100) String id,
            @NotBlank String type,
            String name,
            String expectedTime,
            String next,
            String duration,
            String localTime,
            String eventType,
            @Size(max = 4096) String condition,
            String timeout,
            String onEvent,
            String onTimeout,
            List<@NotNull @Valid Branch> branches,
            String otherwise,
            String experimentKey,
            String channel,
            String template,
            String placement) {
    }

    /** A branch of a condition split ({@code condition}) or of a random split ({@code variant}, {@code weight}). */
    @RegisterForReflection
    public record Branch(@Size(max = 4096) String condition, String variant, Integer weight, String next) {
    }

    /** {@code never} (default), {@code after-finish} or {@code after-cooldown} with an ISO-8601 cool-down. */
    @RegisterForReflection
    public record ReEntry(@NotBlank String mode, String cooldown) {
    }
}
