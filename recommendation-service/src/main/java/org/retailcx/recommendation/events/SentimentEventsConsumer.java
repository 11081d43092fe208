package org.retailcx.recommendation.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.retailcx.platform.events.EventHandlers;
import org.retailcx.platform.events.EventInbox;
import org.retailcx.platform.medallion.MedallionEvents;

import io.smallrye.mutiny.Uni;

/** sentiment-service's customer events (at-risk alerts), into the source {@code RecommendationSources} declares. */
@ApplicationScoped
public class SentimentEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public SentimentEventsConsumer(EventInbox inbox, MedallionEvents events) {
        this.inbox = inbox;
        this.handlers = events.handlers();
    }

    @Incoming("sentiment-customer-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(message, handlers);
    }
}
