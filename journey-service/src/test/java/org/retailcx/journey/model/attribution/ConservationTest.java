package org.retailcx.journey.model.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConservationTest {

    @Test
    void everyModelCreditsExactlyTheObservedConversionsAndValue() {
        PathSet paths = PathSet.of(RandomPaths.generate(2024, 20_000, 8, 8));

        for (AttributionModel model : AttributionModels.all(2)) {
            AttributionResult result = model.attribute(paths);

            assertEquals(paths.totalConversions(), result.totalConversions(), 1e-9 * paths.totalConversions(),
                    model.name());
            assertEquals(paths.totalValue(), result.totalValue(), 1e-9 * paths.totalValue(), model.name());
            for (double credit : result.conversions()) {
                assertTrue(credit >= 0, model.name() + " gave a negative credit");
            }
        }
    }

    @Test
    void dataDrivenModelsFindTheChannelThatConverts() {
        PathSet paths = PathSet.of(RandomPaths.generate(5, 20_000, 8, 8));

        // The generator touches channels uniformly but lets ch7 convert best and ch0 worst.
        for (AttributionModel model : java.util.List.of(new MarkovChainModel(1), new MarkovChainModel(3),
                new ShapleyModel())) {
            AttributionResult result = model.attribute(paths);
            assertTrue(result.conversionsOf("ch7") > result.conversionsOf("ch0"), model.name());
        }
    }

    /** What the gold star relies on: a per-conversion model's credit over a set is the sum of each path's own. */
    @Test
    void perConversionModelsAddUpPathByPath() {
        java.util.List<TouchpointPath> generated = RandomPaths.generate(7, 300, 6, 6);
        PathSet all = PathSet.of(generated);
        for (AttributionModel model : AttributionModels.perConversion(2)) {
            java.util.Map<String, Double> summed = new java.util.HashMap<>();
            for (TouchpointPath path : generated) {
                AttributionResult one = model.attribute(PathSet.of(java.util.List.of(path)));
                one.conversionsByChannel().forEach((channel, credit) -> summed.merge(channel, credit, Double::sum));
            }
            AttributionResult whole = model.attribute(all);
            for (String channel : whole.channels()) {
                assertEquals(whole.conversionsOf(channel), summed.getOrDefault(channel, 0.0), 1e-9,
                        model.name() + " " + channel);
            }
        }
    }
}
