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
    @Operation(summary = "A customer's revenue-generating transactions, oldest first")
    public Uni<List<CustomerTransaction>> list(@PathParam("customerId") String customerId) {
        return pool.preparedQuery("""
                select bronze_id, source_system, source_record_id, event_id, transaction_date, amount, currency,
                       product, received_at
                from bronze.retail_customer_transactions where customer_id = $1
                order by transaction_date, bronze_id""")
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
