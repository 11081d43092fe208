package org.retailcx.recommendation.model;

import java.util.function.IntToDoubleFunction;

/** "Because you bought X": the held product that contributes most to a recommendation. */
final class ItemBasedReason {

    private ItemBasedReason() {
    }

    static String strongestHeldProduct(InteractionMatrix m, int customer, IntToDoubleFunction contribution) {
        int best = -1;
        double bestValue = 0;
        for (int cell = m.rowStart(customer); cell < m.rowEnd(customer); cell++) {
            double value = contribution.applyAsDouble(cell);
            if (value > bestValue) {
                best = cell;
                bestValue = value;
            }
        }
        if (best < 0) {
            return "popular with customers like you";
        }
        return "because you " + m.strongestType(best).pastTense() + " " + m.products().id(m.product(best));
    }
}
