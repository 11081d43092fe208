package org.retailcx.journey.model.attribution;

import java.util.ArrayList;
import java.util.List;

/** Every model the service reports side by side. */
public final class AttributionModels {

    private AttributionModels() {
    }

    /** @param timeDecayHalfLife in the unit of the paths' touch ages (touches when paths carry no times) */
    public static List<AttributionModel> all(double timeDecayHalfLife) {
        // the per-conversion models with Markov before Shapley: the order reports list them in
        List<AttributionModel> all = new ArrayList<>(perConversion(timeDecayHalfLife));
        all.addAll(all.size() - 1, List.of(new MarkovChainModel(1), new MarkovChainModel(2), new MarkovChainModel(3)));
        return List.copyOf(all);
    }

    /**
     * The models whose credit is a sum over paths, so a conversion's credit can be computed and stored on its own:
     * the positional ones and Shapley (whose worth makes each path's share its own). Markov's removal effects depend
     * on every path.
     */
    public static List<AttributionModel> perConversion(double timeDecayHalfLife) {
        return List.of(
                PositionalModel.firstTouch(),
                PositionalModel.lastTouch(),
                PositionalModel.linear(),
                PositionalModel.timeDecay(timeDecayHalfLife),
                PositionalModel.positionBased(),
                new ShapleyModel());
    }
}
