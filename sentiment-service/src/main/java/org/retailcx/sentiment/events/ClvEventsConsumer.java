package org.retailcx.sentiment.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.retailcx.platform.events.EventHandlers;
import org.retailcx.platform.events.EventInbox;
import org.retailcx.platform.medallion.MedallionEvents;

import io.smallrye.mutiny.Uni;

/** clv-service's customer-value events, into the source {@code SentimentSources} declares for them (churn signals). */
@ApplicationScoped
public class ClvEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public ClvEventsConsumer(EventInbox inbox, MedallionEvents events) {
        this.inbox = inbox;
        this.handlers = events.handlers();
    }

    @Incoming("clv-customer-value-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(message, handlers);
    }
}
