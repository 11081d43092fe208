package org.retailcx.sales.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.retailcx.platform.events.Outbox;
import org.retailcx.sales.ingest.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.sales.OpportunityClosedWon;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Decides which events a batch of opportunity versions implies, and queues them in the outbox. */
@ApplicationScoped
public class OpportunityEvents implements BronzeListener {

    private static final Logger LOG = Logger.getLogger(OpportunityEvents.class);
    static final Set<String> PRODUCTS = Set.of("checking", "savings", "loan", "card", "investment");
    static final String DEFAULT_CURRENCY = "EUR";

    private final Outbox outbox;

    public OpportunityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String source() {
        return SalesSources.OPPORTUNITIES.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, UUID batchId) {
        return queueFirstWins(tx, batchId);
    }

    /**
     * Queues closed-won for each opportunity that reached Closed Won in this batch and never before: a CRM that
     * re-sends a won deal does not sell it twice.
     */
    public Uni<Integer> queueFirstWins(SqlConnection tx, UUID batchId) {
        return tx.preparedQuery("""
                select distinct on (b.opportunity_id) b.opportunity_id, b.account_id, b.owner_id,
                       b.product_interest, b.amount, b.currency, b.expected_close_date, b.received_at, b.campaign_id
                from bronze.retail_sales_opportunities b
                where b.batch_id = $1 and b.stage = 'Closed Won'
                  and not exists (select 1 from bronze.retail_sales_opportunities earlier
                                  where earlier.opportunity_id = b.opportunity_id and earlier.stage = 'Closed Won'
                                    and earlier.batch_id <> $1)
                order by b.opportunity_id, b.bronze_id""")
                .execute(Tuple.of(batchId))
                .chain(rows -> {
                    List<OpportunityClosedWon> wins = new ArrayList<>();
                    rows.forEach(row -> toClosedWon(row, wins));
                    return Multi.createFrom().iterable(wins)
                            .onItem().transformToUniAndConcatenate(win -> outbox.append(tx,
                                    EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, win.opportunityId(), win.customerId(),
                                    win))
                            .collect().asList()
                            .map(List::size);
                });
    }

    /** Only a won deal that states what was sold, for how much, can be announced; silver quarantines the rest. */
    private static void toClosedWon(Row row, List<OpportunityClosedWon> wins) {
        String product = row.getString("product_interest");
        BigDecimal amount = row.getBigDecimal("amount");
        String opportunityId = row.getString("opportunity_id");
        if (product == null || !PRODUCTS.contains(product) || amount == null || amount.signum() <= 0) {
            LOG.warnf("opportunity %s is Closed Won without a known product and a positive amount; no event",
                    opportunityId);
            return;
        }
        var closeDate = row.getLocalDate("expected_close_date") != null ? row.getLocalDate("expected_close_date")
                : row.getOffsetDateTime("received_at").toLocalDate();
        String currency = row.getString("currency") == null ? DEFAULT_CURRENCY : row.getString("currency");
        wins.add(new OpportunityClosedWon(opportunityId, row.getString("account_id"), row.getString("owner_id"),
                product, amount, currency, closeDate, row.getString("campaign_id")));
    }
}
