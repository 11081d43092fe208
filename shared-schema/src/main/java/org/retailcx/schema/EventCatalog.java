package org.retailcx.schema;

import java.util.List;
import java.util.Optional;

import org.retailcx.schema.sales.OpportunityClosedWon;

/** Every event type the suite publishes. Within a {@code v<n>} type, changes are additive only. */
public final class EventCatalog {

    public static final EventType<OpportunityClosedWon> SALES_OPPORTUNITY_CLOSED_WON = new EventType<>(
            "retailcx.sales.opportunity.closed-won.v1", Topics.SALES_OPPORTUNITY, OpportunityClosedWon.class);

    private static final List<EventType<?>> ALL = List.of(SALES_OPPORTUNITY_CLOSED_WON);

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
