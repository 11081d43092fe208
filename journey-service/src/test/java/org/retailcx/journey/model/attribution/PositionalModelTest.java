package org.retailcx.journey.model.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class PositionalModelTest {

    private static final double EXACT = 1e-12;

    /** Worked by hand: each model's split of the three converting paths (the fourth converts nothing). */
    private final PathSet paths = PathSet.of(List.of(
            TouchpointPath.parse("A > B > C", 2, 300, 1),
            TouchpointPath.parse("B > C", 1, 60, 0),
            TouchpointPath.parse("A", 0, 0, 5),
            TouchpointPath.parse("C > A > B > B", 1, 100, 2)));

    @Test
    void firstTouch() {
        AttributionResult result = PositionalModel.firstTouch().attribute(paths);

        assertCredits(result, new double[] {2, 1, 1}, new double[] {300, 60, 100});
    }

    @Test
    void lastTouch() {
        AttributionResult result = PositionalModel.lastTouch().attribute(paths);

        assertCredits(result, new double[] {0, 1, 3}, new double[] {0, 100, 360});
    }

    @Test
    void linearCreditsEveryTouchIncludingRepeats() {
        AttributionResult result = PositionalModel.linear().attribute(paths);

        assertCredits(result, new double[] {2.0 / 3 + 0.25, 2.0 / 3 + 0.5 + 0.5, 2.0 / 3 + 0.5 + 0.25},
                new double[] {125, 180, 155});
    }

    @Test
    void positionBasedGivesFortyTwentyForty() {
        AttributionResult result = PositionalModel.positionBased().attribute(paths);

        // A>B>C: .4/.2/.4 of 2; B>C: halves; C>A>B>B: .4/.1/.1/.4.
        assertCredits(result, new double[] {0.9, 1.4, 1.7}, new double[] {130, 140, 190});
    }

    @Test
    void timeDecayByTouchesHalvesPerStepBack() {
        PathSet single = PathSet.of(List.of(TouchpointPath.parse("A > B > C", 7, 700, 0)));

        AttributionResult result = PositionalModel.timeDecay(1).attribute(single);

        // weights 1/4 : 1/2 : 1, normalised by 7/4
        assertCredits(result, new double[] {1, 2, 4}, new double[] {100, 200, 400});
    }

    @Test
    void timeDecayByAgeUsesTheHalfLifeInTheAgesUnit() {
        PathSet timed = PathSet.of(List.of(
                new TouchpointPath(List.of("A", "B", "C"), 3, 90, 0, new double[] {14, 7, 7})));

        AttributionResult result = PositionalModel.timeDecay(7).attribute(timed);

        // ages 14, 7, 7 days with a 7-day half-life: weights 1/2 : 1 : 1 of 5/2
        assertCredits(result, new double[] {0.6, 1.2, 1.2}, new double[] {18, 36, 36});
    }

    @Test
    void timeDecayStaysFiniteOnVeryOldPaths() {
        PathSet old = PathSet.of(List.of(
                new TouchpointPath(List.of("A", "B"), 1, 10, 0, new double[] {100_001, 100_000})));

        AttributionResult result = PositionalModel.timeDecay(1).attribute(old);

        assertCredits(result, new double[] {1.0 / 3, 2.0 / 3}, new double[] {10.0 / 3, 20.0 / 3});
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThrows(IllegalArgumentException.class, () -> PositionalModel.timeDecay(0));
        assertThrows(IllegalArgumentException.class, () -> PositionalModel.positionBased(0.6));
        assertThrows(IllegalArgumentException.class, () -> TouchpointPath.parse("A > > B", 1, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new TouchpointPath(List.of("A", "B"), 1, 1, 0, new double[] {1, 2}));
    }

    static void assertCredits(AttributionResult result, double[] conversions, double[] value) {
        for (int c = 0; c < conversions.length; c++) {
            String channel = result.channels().get(c);
            assertEquals(conversions[c], result.conversionsOf(channel), EXACT, result.model() + " conversions " + channel);
            assertEquals(value[c], result.valueOf(channel), 1e-9, result.model() + " value " + channel);
        }
    }
}
