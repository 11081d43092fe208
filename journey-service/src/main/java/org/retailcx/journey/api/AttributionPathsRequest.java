package org.retailcx.journey.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Paths an analyst uploads, in ChannelAttribution's shape: {@code path} ("search > email > branch"), conversions,
 * conversion value and non-converting count per path. {@code halfLife} is the time-decay half-life in touches
 * (uploaded paths carry no times; default 1).
 */
@RegisterForReflection
public record AttributionPathsRequest(@NotEmpty @Size(max = 1_000_000) List<@NotNull @Valid PathRow> paths,
        @DecimalMin(value = "0", inclusive = false) Double halfLife) {

    @RegisterForReflection
    public record PathRow(@NotBlank @Size(max = 10_000) String path, @NotNull @Min(0) Long conversions,
            @DecimalMin("0") Double conversionValue, @Min(0) Long nonConversions) {
    }
}
