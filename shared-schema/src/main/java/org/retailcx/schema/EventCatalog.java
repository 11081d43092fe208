package org.retailcx.schema;

import java.util.List;
import java.util.Optional;

import org.retailcx.schema.sales.OpportunityClosedLost;
import org.retailcx.schema.sales.OpportunityClosedWon;
import org.retailcx.schema.sales.OpportunityCreated;
import org.retailcx.schema.sales.OpportunityStageChanged;

/** Every event type the suite publishes. Within a {@code v<n>} type, changes are additive only. */
public final class EventCatalog {

    public static final EventType<OpportunityClosedWon> SALES_OPPORTUNITY_CLOSED_WON = new EventType<>(
            "retailcx.sales.opportunity.closed-won.v1", Topics.SALES_OPPORTUNITY, OpportunityClosedWon.class);

    public static final EventType<OpportunityCreated> SALES_OPPORTUNITY_CREATED = new EventType<>(
            "retailcx.sales.opportunity.created.v1", Topics.SALES_OPPORTUNITY, OpportunityCreated.class);

    public static final EventType<OpportunityStageChanged> SALES_OPPORTUNITY_STAGE_CHANGED = new EventType<>(
            "retailcx.sales.opportunity.stage-changed.v1", Topics.SALES_OPPORTUNITY, OpportunityStageChanged.class);

    public static final EventType<OpportunityClosedLost> SALES_OPPORTUNITY_CLOSED_LOST = new EventType<>(
            "retailcx.sales.opportunity.closed-lost.v1", Topics.SALES_OPPORTUNITY, OpportunityClosedLost.class);

    private static final List<EventType<?>> ALL = List.of(SALES_OPPORTUNITY_CLOSED_WON, SALES_OPPORTUNITY_CREATED,
            SALES_OPPORTUNITY_STAGE_CHANGED, SALES_OPPORTUNITY_CLOSED_LOST);

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
