package org.retailcx.personalization.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.retailcx.platform.events.EventHandlers;
import org.retailcx.platform.events.EventInbox;
import org.retailcx.platform.medallion.MedallionEvents;

import io.smallrye.mutiny.Uni;

/**
 * The sales, clv and recommendation events the registry and the prediction store consume, into the sources
 * {@code PersonalizationSources} declares for them: trained model versions, lead scores, customer values. Other
 * event types on these topics are skipped by the inbox.
 */
@ApplicationScoped
public class ModelEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    public ModelEventsConsumer(EventInbox inbox, MedallionEvents events) {
        this.inbox = inbox;
        this.handlers = events.handlers();
    }

    @Incoming("sales-model-version-events")
    public Uni<Void> salesModelVersions(Message<String> message) {
        return inbox.process(message, handlers);
    }

    @Incoming("clv-model-version-events")
    public Uni<Void> clvModelVersions(Message<String> message) {
        return inbox.process(message, handlers);
    }

    @Incoming("recommendation-model-version-events")
    public Uni<Void> recommendationModelVersions(Message<String> message) {
        return inbox.process(message, handlers);
    }

    @Incoming("sales-lead-events")
    public Uni<Void> salesLeads(Message<String> message) {
        return inbox.process(message, handlers);
    }

    @Incoming("clv-customer-value-events")
    public Uni<Void> clvCustomerValues(Message<String> message) {
        return inbox.process(message, handlers);
    }
}
