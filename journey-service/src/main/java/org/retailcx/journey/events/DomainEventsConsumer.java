package org.retailcx.journey.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.retailcx.platform.events.EventHandlers;
import org.retailcx.platform.events.EventInbox;
import org.retailcx.platform.medallion.MedallionEvents;

import io.smallrye.mutiny.Uni;

/**
 * Other services' events, into the journey events source ({@code JourneySources} declares which): sales leads and
 * opportunities, clv customer values, sentiment's customers at risk, recommendation's next-best-actions. Each lands in bronze and runs journeys inside the inbox transaction.
 */
@ApplicationScoped
public class DomainEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public DomainEventsConsumer(EventInbox inbox, MedallionEvents events) {
        this.inbox = inbox;
        this.handlers = events.handlers();
    }

    @Incoming("sales-lead-events")
    public Uni<Void> leads(Message<String> message) {
        return inbox.process(message, handlers);
    }

    @Incoming("sales-opportunity-events")
    public Uni<Void> opportunities(Message<String> message) {
        return inbox.process(message, handlers);
    }

    @Incoming("clv-customer-value-events")
    public Uni<Void> customerValues(Message<String> message) {
        return inbox.process(message, handlers);
    }

    @Incoming("sentiment-customer-events")
    public Uni<Void> sentiment(Message<String> message) {
        return inbox.process(message, handlers);
    }

    @Incoming("recommendation-next-best-action-events")
    public Uni<Void> nextBestActions(Message<String> message) {
        return inbox.process(message, handlers);
    }
}
