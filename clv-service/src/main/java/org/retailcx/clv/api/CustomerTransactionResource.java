package org.retailcx.clv.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@Path("/api/v1/clv/customers/{customerId}/transactions")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerTransactionResource {

    private final Pool pool;

    public CustomerTransactionResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "A customer's valid revenue-generating transactions (silver: one per transaction, its latest"
            + " version), oldest first")
    public Uni<List<CustomerTransaction>> list(@PathParam("customerId") String customerId) {
        // silver, not bronze: a batch that repeats a transaction id holds it once here, as the receipt counted it
        return pool.preparedQuery("""
                select t.bronze_id, t.source_system, t.source_record_id, b.event_id, t.transaction_date, t.amount,
                       t.currency, t.product, b.received_at
                from silver.customer_transaction t
                join bronze.retail_customer_transactions b on b.bronze_id = t.bronze_id
                where t.customer_id = $1
                order by t.transaction_date, t.bronze_id""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    List<CustomerTransaction> transactions = new ArrayList<>();
                    for (var r : rows) {
                        transactions.add(new CustomerTransaction(r.getLong(0), r.getString(1), r.getString(2),
                                r.getString(3), r.getLocalDate(4), r.getBigDecimal(5), r.getString(6), r.getString(7),
                                r.getOffsetDateTime(8)));
                    }
                    return transactions;
                });
    }
}
