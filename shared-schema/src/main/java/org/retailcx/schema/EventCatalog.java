package org.retailcx.schema;

import java.util.List;
import java.util.Optional;

import org.retailcx.schema.sales.CommissionCalculated;
import org.retailcx.schema.sales.OpportunityClosedWon;

/** Every event type the suite publishes. Within a {@code v<n>} type, changes are additive only. */
public final class EventCatalog {

    public static final EventType<OpportunityClosedWon> SALES_OPPORTUNITY_CLOSED_WON = new EventType<>(
            "retailcx.sales.opportunity.closed-won.v1", Topics.SALES_OPPORTUNITY, OpportunityClosedWon.class);

    public static final EventType<CommissionCalculated> SALES_COMMISSION_CALCULATED = new EventType<>(
            "retailcx.sales.commission.calculated.v1", Topics.SALES_COMMISSION, CommissionCalculated.class);

    private static final List<EventType<?>> ALL = List.of(SALES_OPPORTUNITY_CLOSED_WON, SALES_COMMISSION_CALCULATED);

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
