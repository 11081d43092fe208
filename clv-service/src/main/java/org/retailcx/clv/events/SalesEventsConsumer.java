package org.retailcx.clv.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.retailcx.clv.pipeline.SilverPipeline;
import org.retailcx.platform.events.EventHandlers;
import org.retailcx.platform.events.EventInbox;
import org.retailcx.platform.events.ReceivedEvent;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.sales.OpportunityClosedWon;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** A won sale is revenue: each closed-won opportunity becomes a bronze customer transaction. */
@ApplicationScoped
public class SalesEventsConsumer {

    static final String SOURCE_SYSTEM = "sales-service";

    private final EventInbox inbox;
    private final EventHandlers handlers;
    private final SilverPipeline pipeline;

    public SalesEventsConsumer(EventInbox inbox, SilverPipeline pipeline) {
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.handlers = EventHandlers.create()
                .on(EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, this::recordWonSale);
    }

    @Incoming("sales-opportunity-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(message, handlers);
    }

    Uni<Void> recordWonSale(SqlConnection tx, ReceivedEvent<OpportunityClosedWon> event) {
        OpportunityClosedWon won = event.data();
        UUID batchId = UUID.randomUUID(); // an event is a batch of one: silver promotes it like a bulk batch
        return tx.preparedQuery("""
                insert into bronze.retail_customer_transactions (source_system, source_record_id, batch_id, event_id,
                    payload, customer_id, transaction_date, amount, currency, product)
                values ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8, $9, $10)""")
                .execute(Tuple.from(new Object[] { SOURCE_SYSTEM, won.opportunityId(), batchId, event.id(),
                        EventJson.mapper().valueToTree(won).toString(), won.customerId(), won.closeDate(),
                        won.amount(), won.currency(), won.product() }))
                .chain(() -> pipeline.promoteTransactions(tx, batchId))
                .replaceWithVoid();
    }
}
