package org.retailcx.journey.model.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkovChainModelTest {

    private static final double EXACT = 1e-12;

    /**
     * The classic example of removal effects: P(conversion) = 2/3·1/2·1/2 + 1/3·1/2
     * = 1/3; without C1 only start→C2→C3→conversion is left, 1/6, so its removal effect is 1/2; C2 and C3 lie on
     * every converting route, effect 1. Shares 0.5 : 1 : 1 → 0.2, 0.4, 0.4. At order 2 the state C2C3 is
     * shared by both routes, so nothing changes.
     */
    private final PathSet classic = PathSet.of(List.of(
            TouchpointPath.parse("C1 > C2 > C3", 1, 100, 0),
            TouchpointPath.parse("C1", 0, 0, 1),
            TouchpointPath.parse("C2 > C3", 0, 0, 1)));

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void classicThreePathExample(int order) {
        MarkovChainModel model = new MarkovChainModel(order);

        MarkovChainModel.RemovalEffects effects = model.removalEffects(classic);
        AttributionResult result = model.attribute(classic);

        assertEquals(1.0 / 3, effects.conversionProbability(), EXACT);
        assertArrayEquals(new double[] {0.5, 1, 1}, effects.removalEffects(), EXACT);
        PositionalModelTest.assertCredits(result, new double[] {0.2, 0.4, 0.4}, new double[] {20, 40, 40});
    }

    /**
     * At order 3 the states are whole prefixes: C2 → C3 on its own never converted, so nothing converts without
     * C1 either, and all three effects are 1.
     */
    @Test
    void classicExampleAtOrderThree() {
        MarkovChainModel model = new MarkovChainModel(3);

        assertArrayEquals(new double[] {1, 1, 1}, model.removalEffects(classic).removalEffects(), EXACT);
        PositionalModelTest.assertCredits(model.attribute(classic), new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                new double[] {100.0 / 3, 100.0 / 3, 100.0 / 3});
    }

    /**
     * A → B converts, B → A does not. At order 1 the chain loops (A→B, B→A): x_A = ½·x_B, x_B = ½ + ½·x_A gives
     * x_B = 2/3, x_A = 1/3, P = ½; without A, P = ½·½, effect ½; without B, 0, effect 1 → A 1/3, B 2/3.
     * At order 2 the states remember the pair and the two paths separate: both effects 1 → ½ each.
     */
    @Test
    void orderTwoRemembersWhatOrderOneForgets() {
        PathSet paths = PathSet.of(List.of(
                TouchpointPath.parse("A > B", 1, 90, 0),
                TouchpointPath.parse("B > A", 0, 0, 1)));

        MarkovChainModel.RemovalEffects first = new MarkovChainModel(1).removalEffects(paths);
        AttributionResult firstOrder = new MarkovChainModel(1).attribute(paths);
        AttributionResult secondOrder = new MarkovChainModel(2).attribute(paths);

        assertEquals(0.5, first.conversionProbability(), EXACT);
        assertArrayEquals(new double[] {0.5, 1}, first.removalEffects(), EXACT);
        PositionalModelTest.assertCredits(firstOrder, new double[] {1.0 / 3, 2.0 / 3}, new double[] {30, 60});
        PositionalModelTest.assertCredits(secondOrder, new double[] {0.5, 0.5}, new double[] {45, 45});
    }

    /**
     * A repeated touch is a self-loop: from A, ⅓ stays, ⅓ goes to B (which converts), ⅓ ends in null;
     * x_A = ⅓·x_A + ⅓ → ½, while removing C (only on the non-converting path) changes nothing.
     */
    @Test
    void selfLoopsAreSolvedExactly() {
        PathSet paths = PathSet.of(List.of(
                TouchpointPath.parse("A > A > B", 1, 10, 0),
                TouchpointPath.parse("A > C", 0, 0, 1)));

        MarkovChainModel.RemovalEffects effects = new MarkovChainModel(1).removalEffects(paths);

        // From the start every customer touches A; from A: stay ⅓, to B ⅓, to C ⅓; C ends in null.
        assertEquals(0.5, effects.conversionProbability(), EXACT);
        assertArrayEquals(new double[] {1, 1, 0}, effects.removalEffects(), EXACT);
    }

    /** A fitted chain conserves flow, so P(conversion from start) equals the observed conversion rate. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void chainReproducesTheObservedConversionRate(int order) {
        List<TouchpointPath> raw = RandomPaths.generate(order, 5_000, 6, 7);
        long conversions = raw.stream().mapToLong(TouchpointPath::conversions).sum();
        long customers = conversions + raw.stream().mapToLong(TouchpointPath::nonConversions).sum();

        MarkovChainModel.RemovalEffects effects = new MarkovChainModel(order).removalEffects(PathSet.of(raw));

        assertEquals((double) conversions / customers, effects.conversionProbability(), 1e-10);
    }

    /**
     * When the order reaches the longest path every state is a whole prefix, so removing a channel removes exactly
     * the paths that contain it: its removal effect is the share of conversions on those paths.
     */
    @Test
    void fullMemoryChainRemovesExactlyThePathsThroughAChannel() {
        List<TouchpointPath> raw = RandomPaths.generate(42, 2_000, 5, 3);
        PathSet paths = PathSet.of(raw);

        double[] effects = new MarkovChainModel(3).removalEffects(paths).removalEffects();

        for (int c = 0; c < paths.channelCount(); c++) {
            String channel = paths.channels().get(c);
            long through = raw.stream().filter(p -> p.channels().contains(channel))
                    .mapToLong(TouchpointPath::conversions).sum();
            assertEquals((double) through / paths.totalConversions(), effects[c], 1e-10, channel);
        }
    }

    @Test
    void nothingConvertedCreditsNothing() {
        PathSet paths = PathSet.of(List.of(TouchpointPath.parse("A > B", 0, 0, 4)));

        AttributionResult result = new MarkovChainModel(1).attribute(paths);

        assertArrayEquals(new double[] {0, 0}, result.conversions(), 0);
    }

    @Test
    void orderOutsideOneToThreeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MarkovChainModel(0));
        assertThrows(IllegalArgumentException.class, () -> new MarkovChainModel(4));
    }
}
