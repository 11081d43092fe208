package org.retailcx.journey.api;

import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Frequency caps and quiet hours of one channel ({@code *}: caps across all channels). A cap is
 * {@code maxMessages} per {@code LOCAL_DAY}, {@code LOCAL_WEEK} (the customer's calendar) or {@code ROLLING}
 * window of {@code rolling} (ISO-8601, e.g. {@code PT6H}).
 */
@RegisterForReflection
public record ChannelPolicyRequest(@NotNull @Size(max = 20) List<@NotNull @Valid Cap> caps, LocalTime quietHoursStart,
        LocalTime quietHoursEnd) {

    @RegisterForReflection
    public record Cap(Integer maxMessages, String window, String rolling) {
    }
}
