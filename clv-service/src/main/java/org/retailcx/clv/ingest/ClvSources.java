package org.retailcx.clv.ingest;

import static org.retailcx.platform.medallion.MedallionSource.Column.of;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.DataQualityRule;
import org.retailcx.platform.medallion.EventSource;
import org.retailcx.platform.medallion.MedallionDomain;
import org.retailcx.platform.medallion.MedallionSource;
import org.retailcx.platform.medallion.MedallionSource.Access;
import org.retailcx.platform.security.Roles;
import org.retailcx.schema.EventCatalog;

/**
 * What clv-service ingests: core-banking transactions (and won sales deals, consumed from sales-service's events),
 * customer attributes and finance's profitability statements. "Future" in the rules is relative to the database's
 * current date.
 */
@ApplicationScoped
public class ClvSources implements MedallionDomain {

    /** Machine feeds: core banking and finance write; analysts read the versions. */
    static final Access FEED = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN), Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN));

    public static final MedallionSource<TransactionRecord> TRANSACTIONS = MedallionSource
            .of("transactions", TransactionRecord.class)
            .table("bronze.retail_customer_transactions").id("transactionId", TransactionRecord::transactionId)
            .access(FEED).defaultSourceSystem("core-banking").customerColumn("customer_id")
            .rules(List.of(
                    // a zero-amount order is still a purchase (BG/NBD counts it; Gamma-Gamma leaves it out)
                    new DataQualityRule("amount-non-negative", "amount", "b.amount < 0",
                            "'amount must not be negative, was ' || b.amount"),
                    new DataQualityRule("date-not-in-future", "transactionDate", "b.transaction_date > current_date",
                            "'transactionDate ' || b.transaction_date || ' is in the future'")))
            .columns(of("customer_id", TransactionRecord::customerId),
                    of("transaction_date", TransactionRecord::transactionDate),
                    of("amount", TransactionRecord::amount), of("currency", TransactionRecord::currency),
                    of("product", TransactionRecord::product))
            .build();

    public static final MedallionSource<CustomerRecord> CUSTOMERS = MedallionSource
            .of("customers", CustomerRecord.class)
            .table("bronze.retail_customers").id("customerId", CustomerRecord::customerId)
            .access(FEED).defaultSourceSystem("core-banking").customerColumn("customer_id")
            .columns(of("customer_id", CustomerRecord::customerId), of("segment", CustomerRecord::segment),
                    of("acquisition_channel", CustomerRecord::acquisitionChannel),
                    of("acquired_on", CustomerRecord::acquiredOn))
            .build();

    public static final MedallionSource<ProfitabilityRecord> PROFITABILITY = MedallionSource
            .of("profitability", ProfitabilityRecord.class)
            .table("bronze.retail_customer_profitability")
            .id("customerId", p -> p.customerId() + "@" + p.asOfDate())
            .access(FEED).defaultSourceSystem("finance").customerColumn("customer_id")
            .rules(List.of(
                    new DataQualityRule("known-customer", "customerId",
                            "not exists (select 1 from silver.customer c where c.customer_id = b.customer_id)",
                            "'customerId ' || b.customer_id || ' is not a known customer'"),
                    new DataQualityRule("date-not-in-future", "asOfDate", "b.as_of_date > current_date",
                            "'asOfDate ' || b.as_of_date || ' is in the future'"),
                    new DataQualityRule("amounts-non-negative", "revenueAmount",
                            "b.revenue_amount < 0 or b.cost_amount < 0",
                            "'revenueAmount and costAmount must not be negative'"),
                    new DataQualityRule("profit-equals-revenue-minus-cost", "profitAmount",
                            "b.profit_amount is not null and b.profit_amount <> b.revenue_amount - b.cost_amount",
                            "'profitAmount ' || b.profit_amount || ' is not revenueAmount - costAmount = '"
                                    + " || (b.revenue_amount - b.cost_amount)")))
            .columns(of("customer_id", ProfitabilityRecord::customerId),
                    of("as_of_date", ProfitabilityRecord::asOfDate),
                    of("revenue_amount", ProfitabilityRecord::revenueAmount),
                    of("cost_amount", ProfitabilityRecord::costAmount),
                    of("profit_amount", ProfitabilityRecord::profitAmount),
                    of("currency", ProfitabilityRecord::currency),
                    of("revenue_breakdown", ProfitabilityRecord::revenueBreakdown),
                    of("cost_breakdown", ProfitabilityRecord::costBreakdown))
            .build();

    /** A won sale is revenue: each closed-won opportunity becomes a customer transaction. */
    public static final EventSource<?, ?> WON_SALES = new EventSource<>(EventCatalog.SALES_OPPORTUNITY_CLOSED_WON,
            TRANSACTIONS, "sales-service", won -> new TransactionRecord(won.opportunityId(), won.customerId(),
                    won.closeDate(), won.amount(), won.currency(), won.product()));

    @Override
    public String domain() {
        return "clv";
    }

    @Override
    public List<MedallionSource<?>> sources() {
        return List.of(TRANSACTIONS, CUSTOMERS, PROFITABILITY);
    }

    @Override
    public List<EventSource<?, ?>> eventSources() {
        return List.of(WON_SALES);
    }

    @Override
    public Set<String> operatorRoles() {
        return Set.of(Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN);
    }
}
