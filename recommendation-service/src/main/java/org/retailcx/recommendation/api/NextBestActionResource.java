package org.retailcx.recommendation.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.recommendation.pipeline.action.NextBestActions;
import org.retailcx.schema.recommendation.NextBestActionAccepted;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Next-best-action: the action catalogue, issuing actions to a customer, acceptance, acceptance rates. */
@Path("/api/v1/recommendation")
@Produces(MediaType.APPLICATION_JSON)
public class NextBestActionResource {

    @RegisterForReflection
    public record StoredAction(String actionId, CatalogueAction action, String updatedBy) {
    }

    @RegisterForReflection
    public record CustomerValue(String customerId, int clvModelVersion, java.time.LocalDate predictionDate,
            java.math.BigDecimal predictedClvLifetime, int clvDecile) {
    }

    @RegisterForReflection
    public record AcceptanceRate(String actionId, long issued, long accepted, long expired, Double acceptanceRate) {
    }

    private final Pool pool;
    private final IngestionReader reader;
    private final NextBestActions actions;
    private final Caller caller;

    public NextBestActionResource(Pool pool, IngestionReader reader, NextBestActions actions, Caller caller) {
        this.pool = pool;
        this.reader = reader;
        this.actions = actions;
        this.caller = caller;
    }

    @PUT
    @Path("/next-best-actions/catalogue/{actionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Create or replace a catalogue action")
    public Uni<StoredAction> put(@PathParam("actionId") String actionId,
            @RequestBody(content = @Content(schema = @Schema(implementation = CatalogueAction.class))) String body) {
        if (actionId.length() > 128) {
            throw ProblemException.invalid("actionId", "must be at most 128 characters");
        }
        CatalogueAction a = reader.readOne(body, CatalogueAction.class).value();
        if (a.minDecile() != null && a.maxDecile() != null && a.minDecile() > a.maxDecile()) {
            throw ProblemException.invalid("maxDecile", "must not be below minDecile");
        }
        String updatedBy = caller.subject();
        return pool.preparedQuery("""
                insert into silver.next_best_action_catalogue (action_id, action_type, action_recommendation,
                    product_id, trigger, priority, channel, business_weight, valid_days, min_decile, max_decile,
                    active, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                on conflict (action_id) do update set action_type = excluded.action_type,
                    action_recommendation = excluded.action_recommendation, product_id = excluded.product_id,
                    trigger = excluded.trigger, priority = excluded.priority, channel = excluded.channel,
                    business_weight = excluded.business_weight, valid_days = excluded.valid_days,
                    min_decile = excluded.min_decile, max_decile = excluded.max_decile, active = excluded.active,
                    updated_at = now(), updated_by = excluded.updated_by""")
                .execute(Tuple.from(new Object[] { actionId, a.actionType(), a.actionRecommendation(), a.productId(),
                        a.trigger(), a.priority(), a.channel(), a.businessWeight(), a.validDays(),
                        a.minDecile() == null ? null : a.minDecile().shortValue(),
                        a.maxDecile() == null ? null : a.maxDecile().shortValue(), a.active() == null || a.active(),
                        updatedBy }))
                .replaceWith(new StoredAction(actionId, a, updatedBy));
    }

    @GET
    @Path("/next-best-actions/catalogue")
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.SALES_MANAGER, Roles.ADMIN })
    @Operation(summary = "The action catalogue")
    public Uni<List<StoredAction>> catalogue() {
        return pool.query("""
                select action_id, action_type, action_recommendation, product_id, trigger, priority, channel,
                    business_weight, valid_days, min_decile, max_decile, active, updated_by
                from silver.next_best_action_catalogue order by action_id""").execute()
                .map(rows -> {
                    List<StoredAction> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new StoredAction(r.getString(0), new CatalogueAction(r.getString(1), r.getString(2),
                                r.getString(3), r.getString(4), r.getInteger(5), r.getString(6), r.getDouble(7),
                                r.getInteger(8), r.getInteger(9), r.getInteger(10), r.getBoolean(11)),
                                r.getString(12)));
                    }
                    return out;
                });
    }

    @POST
    @Path("/customers/{customerId}/next-best-actions")
    @RolesAllowed({ Roles.SERVICE, Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Arbitrate the catalogue for the customer (optionally one channel) and issue the winners "
            + "within the contact policy; rejected candidates come back with the reason")
    public Uni<NextBestActions.Decision> issue(@PathParam("customerId") String customerId,
            @QueryParam("channel") String channel) {
        if (customerId.length() > 128) {
            throw ProblemException.invalid("customerId", "must be at most 128 characters");
        }
        if (channel != null && (channel.isBlank() || channel.length() > 64)) {
            throw ProblemException.invalid("channel", "must be 1 to 64 characters");
        }
        return actions.issue(customerId, channel, BronzeWriter.Caller.of(caller));
    }

    @GET
    @Path("/customers/{customerId}/value")
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.SALES_MANAGER, Roles.ADMIN })
    @Operation(summary = "The customer's latest predicted value from clv-service, as next-best-action uses it")
    public Uni<CustomerValue> value(@PathParam("customerId") String customerId) {
        return pool.preparedQuery("""
                select clv_model_version, prediction_date, predicted_clv_lifetime, clv_decile
                from silver.customer_value where customer_id = $1""").execute(Tuple.of(customerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No predicted value for customer " + customerId);
                    }
                    Row r = rows.iterator().next();
                    return new CustomerValue(customerId, r.getInteger(0), r.getLocalDate(1), r.getBigDecimal(2),
                            r.getShort(3));
                });
    }

    @POST
    @Path("/next-best-actions/{issueId}/accept")
    @RolesAllowed({ Roles.SERVICE, Roles.SALES_REP, Roles.ADMIN })
    @Operation(summary = "Record that the customer accepted an issued action (once; 409 after its expiry)")
    public Uni<NextBestActionAccepted> accept(@PathParam("issueId") String issueId) {
        return pool.withTransaction(tx -> actions.accept(tx, issueId, caller.subject()));
    }

    @GET
    @Path("/metrics/next-best-actions")
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "Issued, accepted, expired unaccepted and acceptance rate per catalogue action (gold)")
    public Uni<List<AcceptanceRate>> acceptance() {
        return pool.query("""
                select catalogue_action_id, count(*), count(*) filter (where accepted),
                    count(*) filter (where not accepted and expiry <= now())
                from gold.fact_next_best_action_performance
                group by catalogue_action_id order by catalogue_action_id""").execute()
                .map(rows -> {
                    List<AcceptanceRate> out = new ArrayList<>();
                    for (Row r : rows) {
                        long issued = r.getLong(1);
                        long accepted = r.getLong(2);
                        out.add(new AcceptanceRate(r.getString(0), issued, accepted, r.getLong(3),
                                issued == 0 ? null : (double) accepted / issued));
                    }
                    return out;
                });
    }
}
