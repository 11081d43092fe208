package org.retailcx.journey.model.attribution;

import java.util.List;

/** Every model the service reports side by side. */
public final class AttributionModels {

    private AttributionModels() {
    }

    /** @param timeDecayHalfLife in the unit of the paths' touch ages (touches when paths carry no times) */
    public static List<AttributionModel> all(double timeDecayHalfLife) {
        return List.of(
                PositionalModel.firstTouch(),
                PositionalModel.lastTouch(),
                PositionalModel.linear(),
                PositionalModel.timeDecay(timeDecayHalfLife),
                PositionalModel.positionBased(),
                new MarkovChainModel(1),
                new MarkovChainModel(2),
                new MarkovChainModel(3),
                new ShapleyModel());
    }
}
