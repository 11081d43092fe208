package org.retailcx.journey.pipeline.attribution;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every attribution model side by side over one set of paths. {@code cost} and {@code roi} are set when the paths
 * came from stored touchpoints (ROI = (credited value − cost) / cost, null without cost).
 */
@RegisterForReflection
public record AttributionReport(int paths, double conversions, double conversionValue, long nonConversions,
        List<ModelCredit> models, List<String> skipped) {

    @RegisterForReflection
    public record ModelCredit(String model, List<ChannelCredit> channels) {
    }

    @RegisterForReflection
    public record ChannelCredit(String channel, double conversions, double value, Double cost, Double roi) {
    }
}
