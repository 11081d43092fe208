package org.retailcx.recommendation.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.retailcx.platform.events.EventHandlers;
import org.retailcx.platform.events.EventInbox;
import org.retailcx.platform.medallion.MedallionEvents;

import io.smallrye.mutiny.Uni;

/** sales-service's opportunity events, into the sources {@code RecommendationSources} declares (won sales). */
@ApplicationScoped
public class SalesEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public SalesEventsConsumer(EventInbox inbox, MedallionEvents events) {
        this.inbox = inbox;
        this.handlers = events.handlers();
    }

    @Incoming("sales-opportunity-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(message, handlers);
    }
}
