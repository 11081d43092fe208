package org.retailcx.schema;

import java.util.List;
import java.util.Optional;

import org.retailcx.schema.clv.CustomerValueDecileChanged;
import org.retailcx.schema.clv.CustomerValuePredicted;
import org.retailcx.schema.sales.OpportunityClosedWon;

/** Every event type the suite publishes. Within a {@code v<n>} type, changes are additive only. */
public final class EventCatalog {

    public static final EventType<OpportunityClosedWon> SALES_OPPORTUNITY_CLOSED_WON = new EventType<>(
            "retailcx.sales.opportunity.closed-won.v1", Topics.SALES_OPPORTUNITY, OpportunityClosedWon.class);

    public static final EventType<CustomerValuePredicted> CLV_CUSTOMER_VALUE_PREDICTED = new EventType<>(
            "retailcx.clv.customer-value.predicted.v1", Topics.CLV_CUSTOMER_VALUE, CustomerValuePredicted.class);

    public static final EventType<CustomerValueDecileChanged> CLV_CUSTOMER_VALUE_DECILE_CHANGED = new EventType<>(
            "retailcx.clv.customer-value.decile-changed.v1", Topics.CLV_CUSTOMER_VALUE,
            CustomerValueDecileChanged.class);

    private static final List<EventType<?>> ALL = List.of(SALES_OPPORTUNITY_CLOSED_WON,
            CLV_CUSTOMER_VALUE_PREDICTED, CLV_CUSTOMER_VALUE_DECILE_CHANGED);

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
