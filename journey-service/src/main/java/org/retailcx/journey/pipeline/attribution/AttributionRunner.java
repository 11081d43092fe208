package org.retailcx.journey.pipeline.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.retailcx.journey.model.attribution.AttributionModel;
import org.retailcx.journey.model.attribution.AttributionModels;
import org.retailcx.journey.model.attribution.AttributionResult;
import org.retailcx.journey.model.attribution.PathSet;
import org.retailcx.journey.model.attribution.ShapleyModel;
import org.retailcx.journey.model.attribution.TouchpointPath;

/** Runs every model of {@link AttributionModels#all} on a set of paths and reports them side by side. */
public final class AttributionRunner {

    private AttributionRunner() {
    }

    /** @param costByChannel channel cost for ROI, or an empty map when there is none (uploaded paths) */
    public static AttributionReport run(List<TouchpointPath> paths, double halfLife, Map<String, Double> costByChannel) {
        PathSet set = PathSet.of(paths);
        long nonConversions = paths.stream().mapToLong(TouchpointPath::nonConversions).sum();
        List<AttributionReport.ModelCredit> models = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (AttributionModel model : AttributionModels.all(halfLife)) {
            if (model instanceof ShapleyModel && set.channelCount() > ShapleyModel.DEFAULT_MAX_CHANNELS) {
                skipped.add(model.name() + ": " + set.channelCount() + " channels, exact Shapley values stop at "
                        + ShapleyModel.DEFAULT_MAX_CHANNELS);
                continue;
            }
            AttributionResult result = model.attribute(set);
            List<AttributionReport.ChannelCredit> channels = new ArrayList<>();
            for (String channel : result.channels()) {
                Double cost = costByChannel.get(channel);
                double value = result.valueOf(channel);
                channels.add(new AttributionReport.ChannelCredit(channel, result.conversionsOf(channel), value, cost,
                        cost == null || cost == 0 ? null : (value - cost) / cost));
            }
            models.add(new AttributionReport.ModelCredit(result.model(), channels));
        }
        return new AttributionReport(paths.size(), set.totalConversions(), set.totalValue(), nonConversions, models,
                skipped);
    }
}
