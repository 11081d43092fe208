package org.retailcx.journey.model.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShapleyModelTest {

    /**
     * v(∅) = 0, v({A}) = 1 (the path through A alone), v({B}) = 0, v({A,B}) = 3. φ_A = ½·(1 − 0) + ½·(3 − 0) = 2,
     * φ_B = ½·(0 − 0) + ½·(3 − 1) = 1.
     */
    @Test
    void twoChannelsByHand() {
        PathSet paths = PathSet.of(List.of(
                TouchpointPath.parse("A", 1, 10, 4),
                TouchpointPath.parse("A > B > A", 2, 50, 1),
                TouchpointPath.parse("B", 0, 0, 3)));

        AttributionResult result = new ShapleyModel().attribute(paths);

        PositionalModelTest.assertCredits(result, new double[] {2, 1}, new double[] {35, 25});
    }

    /**
     * Three channels: v({A}) = 3, v({B}) = 0, v({C}) = 0, v({A,B}) = 3 + 6, v({A,C}) = 3, v({B,C}) = 0,
     * v(N) = 9 + 12. φ_C = ⅓·0 + ⅙·(3−3) + ⅙·(0−0) + ⅓·(21−9) = 4;
     * φ_B = ⅓·0 + ⅙·(9−3) + ⅙·0 + ⅓·(21−3) = 7; φ_A = 21 − 11 = 10.
     */
    @Test
    void threeChannelsByHand() {
        PathSet paths = PathSet.of(List.of(
                TouchpointPath.parse("A", 3, 0, 0),
                TouchpointPath.parse("B > A", 6, 0, 0),
                TouchpointPath.parse("C > B > A", 12, 0, 0)));

        AttributionResult result = new ShapleyModel().attribute(paths);

        PositionalModelTest.assertCredits(result, new double[] {10, 7, 4}, new double[] {0, 0, 0});
    }

    /**
     * With this worth each path is a unanimity game of its channel set, so the coalition sum must agree with
     * splitting each path evenly over its distinct channels (the Harsanyi dividends).
     */
    @Test
    void coalitionSumAgreesWithHarsanyiDividends() {
        List<TouchpointPath> raw = RandomPaths.generate(7, 3_000, 9, 6);
        PathSet paths = PathSet.of(raw);
        double[] expected = new double[paths.channelCount()];
        for (TouchpointPath path : raw) {
            Set<String> distinct = new LinkedHashSet<>(path.channels());
            for (String channel : distinct) {
                expected[paths.channels().indexOf(channel)] += (double) path.conversions() / distinct.size();
            }
        }

        AttributionResult result = new ShapleyModel().attribute(paths);

        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], result.conversions()[c], 1e-9, paths.channels().get(c));
        }
    }

    @Test
    void refusesMoreChannelsThanTheCap() {
        List<String> channels = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            channels.add("ch" + c);
        }
        PathSet paths = PathSet.of(List.of(new TouchpointPath(channels, 1, 1, 0)));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ShapleyModel(4).attribute(paths));
        assertEquals("Shapley values over 5 channels need 2^5 coalitions; the cap is 4 channels", error.getMessage());
    }
}
