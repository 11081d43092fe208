package org.retailcx.recommendation.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A customer's valid interactions (silver), newest first, with their lineage. */
@Path("/api/v1/recommendation/customers/{customerId}/interactions")
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {

    @RegisterForReflection
    public record Interaction(String sourceSystem, String interactionId, String productId, String interactionType,
            String implicitRating, OffsetDateTime interactionTimestamp, BigDecimal interactionValue, long bronzeId) {
    }

    private final Pool pool;

    public InteractionResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "The customer's interactions in silver, newest first (at most 1,000)")
    public Uni<List<Interaction>> list(@PathParam("customerId") String customerId) {
        return pool.preparedQuery("""
                select source_system, source_record_id, product_id, interaction_type, implicit_rating,
                    interaction_timestamp, interaction_value, bronze_id
                from silver.customer_product_interaction where customer_id = $1
                order by interaction_timestamp desc, source_record_id limit 1000""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    List<Interaction> items = new ArrayList<>();
                    for (Row r : rows) {
                        items.add(new Interaction(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getString(4), r.getOffsetDateTime(5), r.getBigDecimal(6), r.getLong(7)));
                    }
                    return items;
                });
    }
}
