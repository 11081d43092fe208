package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrainTestSplitTest {

    /** Customer "n" has n products, first seen on days 1..n. */
    private static InteractionMatrix rows(int... sizes) {
        InteractionMatrix.Builder b = InteractionMatrix.builder();
        for (int n : sizes) {
            for (int p = 0; p < n; p++) {
                b.add("c" + n, "p" + p, InteractionType.VIEW, 1_700_000_000L + (n - p) * 86_400L);
            }
        }
        return b.build();
    }

    @Test
    void keepsRoundedShareOfEachCustomerInTrainingHalfToEven() {
        InteractionMatrix all = rows(1, 2, 3, 4, 5, 6, 10);
        TrainTestSplit split = TrainTestSplit.stratified(all, 0.75, 42);
        // round(0.75 n) with numpy's half-to-even: 1→1, 2→2 (1.5), 3→2, 4→3, 5→4 (3.75), 6→4 (4.5), 10→8 (7.5)
        int[] expectedTrain = {1, 2, 2, 3, 4, 4, 8};
        int[] sizes = {1, 2, 3, 4, 5, 6, 10};
        for (int i = 0; i < sizes.length; i++) {
            int c = all.customers().indexOf("c" + sizes[i]);
            assertEquals(expectedTrain[i], split.train().rowLength(c), "customer with " + sizes[i]);
            assertEquals(sizes[i] - expectedTrain[i], split.test().rowLength(c));
        }
        assertEquals(all.cellCount(), split.train().cellCount() + split.test().cellCount());
        for (int c = 0; c < all.customerCount(); c++) {
            for (int cell = split.test().rowStart(c); cell < split.test().rowEnd(c); cell++) {
                assertTrue(!split.train().hasInteracted(c, split.test().product(cell)), "train and test are disjoint");
            }
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        InteractionMatrix all = PlantedInteractions.generate(300, 40, 4, 12, 0.8, 3).matrix();
        assertEquals(testPairs(TrainTestSplit.stratified(all, 0.75, 42)), testPairs(TrainTestSplit.stratified(all, 0.75, 42)));
        assertNotEquals(testPairs(TrainTestSplit.stratified(all, 0.75, 42)), testPairs(TrainTestSplit.stratified(all, 0.75, 43)));
    }

    @Test
    void chronologicalSplitTestsTheLatestProducts() {
        InteractionMatrix all = rows(4);
        TrainTestSplit split = TrainTestSplit.chronological(all, 0.75);
        int c = all.customers().indexOf("c4");
        // p3 was first seen on day 1 (oldest) ... p0 on day 4 (latest): p0 is the test product.
        assertEquals(1, split.test().rowLength(c));
        assertEquals(all.products().indexOf("p0"), split.test().product(split.test().rowStart(c)));
    }

    @Test
    void ratioMustBeAProperShare() {
        InteractionMatrix all = rows(3);
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.stratified(all, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.chronological(all, 0));
    }

    private static List<String> testPairs(TrainTestSplit split) {
        InteractionMatrix test = split.test();
        List<String> pairs = new ArrayList<>();
        for (int c = 0; c < test.customerCount(); c++) {
            for (int cell = test.rowStart(c); cell < test.rowEnd(c); cell++) {
                pairs.add(c + ":" + test.product(cell));
            }
        }
        return pairs;
    }
}
