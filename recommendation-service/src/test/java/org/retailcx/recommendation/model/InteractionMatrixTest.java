package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class InteractionMatrixTest {

    private static final long DAY = 86_400;
    private static final long T = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();

    private static InteractionMatrix sample() {
        // Events out of order: the builder sorts them into (customer, product) cells, oldest event first.
        return InteractionMatrix.builder()
                .add("c1", "savings", InteractionType.PURCHASE, T)
                .add("c2", "card", InteractionType.VIEW, T - 5 * DAY)
                .add("c1", "card", InteractionType.CLICK, T - 2 * DAY)
                .add("c1", "savings", InteractionType.VIEW, T - 30 * DAY)
                .add("c1", "card", InteractionType.VIEW, T - 3 * DAY)
                .declareProduct("mortgage")
                .declareCustomer("c3")
                .build();
    }

    @Test
    void aggregatesEventsIntoCellsWithWeightsAndTimes() {
        InteractionMatrix m = sample();
        assertEquals(3, m.customerCount());
        assertEquals(3, m.productCount());
        assertEquals(3, m.cellCount());
        assertEquals(5, m.eventCount());
        int c1 = m.customers().indexOf("c1");
        int savings = m.products().indexOf("savings");
        int card = m.products().indexOf("card");
        int cell = m.findCell(c1, savings);
        assertEquals(1 + 5, m.weight(cell), 0); // view 1 + purchase 5 (default weights)
        assertEquals(T - 30 * DAY, m.firstSeen(cell));
        assertEquals(T, m.lastSeen(cell));
        assertEquals(InteractionType.PURCHASE, m.strongestType(cell));
        assertEquals(InteractionType.CLICK, m.strongestType(m.findCell(c1, card)));
        assertEquals(2, m.rowLength(c1));
        assertTrue(m.product(m.rowStart(c1)) < m.product(m.rowStart(c1) + 1), "products ascend within a row");
        assertEquals(0, m.rowLength(m.customers().indexOf("c3")));
        assertEquals(2, m.activeCustomers());
        assertEquals(T, m.latestEvent());
    }

    @Test
    void decayedWeightHalvesPerHalfLife() {
        InteractionMatrix m = sample();
        int cell = m.findCell(m.customers().indexOf("c1"), m.products().indexOf("savings"));
        // purchase today (5 · 1) + view 30 days ago with a 30-day half-life (1 · 1/2)
        assertEquals(5.5, m.decayedWeight(cell, T, 30 * DAY), 1e-12);
        assertEquals(5 * 0.5 + 0.25, m.decayedWeight(cell, T + 30 * DAY, 30 * DAY), 1e-12);
    }

    @Test
    void unknownIdsAndMissingCells() {
        InteractionMatrix m = sample();
        assertEquals(-1, m.customers().indexOf("nobody"));
        int mortgage = m.products().indexOf("mortgage");
        assertTrue(mortgage >= 0, "declared products have an index");
        assertFalse(m.hasInteracted(m.customers().indexOf("c1"), mortgage));
        assertEquals(-1, m.findCell(m.customers().indexOf("c2"), m.products().indexOf("savings")));
        assertEquals(0, m.customersPerProduct()[mortgage]);
        assertEquals(2, m.customersPerProduct()[m.products().indexOf("card")]);
    }

    @Test
    void columnsListTheSameCellsByProduct() {
        InteractionMatrix m = sample();
        int card = m.products().indexOf("card");
        InteractionMatrix.Columns columns = m.byProduct();
        assertEquals(2, columns.end(card) - columns.start(card));
        for (int e = columns.start(card); e < columns.end(card); e++) {
            assertEquals(card, m.product(columns.cell(e)));
            assertEquals(columns.cell(e), m.findCell(columns.customer(e), card));
        }
    }

    @Test
    void selectingCellsKeepsIndicesAndEvents() {
        InteractionMatrix m = sample();
        InteractionMatrix purchasesOnly = m.selectCells(cell -> m.strongestType(cell) == InteractionType.PURCHASE);
        assertEquals(1, purchasesOnly.cellCount());
        assertEquals(2, purchasesOnly.eventCount());
        assertEquals(m.customerCount(), purchasesOnly.customerCount());
        int c1 = m.customers().indexOf("c1");
        int savings = m.products().indexOf("savings");
        int cell = purchasesOnly.findCell(c1, savings);
        assertEquals(6, purchasesOnly.weight(cell), 0);
        assertEquals(5.5, purchasesOnly.decayedWeight(cell, T, 30 * DAY), 1e-12);
        assertTrue(purchasesOnly.customers() == m.customers(), "split matrices share dictionaries");
    }

    @Test
    void builderIsSingleUseAndWeightsArePositive() {
        InteractionMatrix.Builder b = InteractionMatrix.builder().add("c", "p", InteractionType.VIEW, T);
        b.build();
        assertThrows(IllegalStateException.class, () -> b.add("c", "q", InteractionType.VIEW, T));
        assertThrows(IllegalArgumentException.class, () -> new InteractionWeights(1, 0, 1, 1));
        assertEquals(InteractionType.ADD_TO_CART, InteractionType.parse("Add to Cart"));
        assertEquals(InteractionType.PURCHASE, InteractionType.parse("purchase"));
    }
}
