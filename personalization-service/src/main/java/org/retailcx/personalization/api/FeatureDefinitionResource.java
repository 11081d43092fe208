package org.retailcx.personalization.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.personalization.api.FeatureViews.Definition;
import org.retailcx.personalization.api.FeatureViews.DefinitionRequest;
import org.retailcx.personalization.pipeline.features.FeatureDefinitions;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Feature definitions: name, entity, value type, Real-Time/Batch/Derived, version, source, logic, TTL. */
@Path("/api/v1/personalization/feature-definitions")
@Produces(MediaType.APPLICATION_JSON)
public class FeatureDefinitionResource {

    private final Pool pool;
    private final IngestionReader reader;
    private final FeatureDefinitions definitions;
    private final SecurityIdentity identity;

    public FeatureDefinitionResource(Pool pool, IngestionReader reader, FeatureDefinitions definitions,
            SecurityIdentity identity) {
        this.pool = pool;
        this.reader = reader;
        this.definitions = definitions;
        this.identity = identity;
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Define or redefine a feature; 409 when its value type would change under existing values")
    public Uni<Definition> define(@PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = DefinitionRequest.class))) String body) {
        if (!name.matches(FeatureDefinitions.NAME)) {
            throw ProblemException.invalid("featureName", "must be lower case letters, digits and '_', starting with"
                    + " a letter (e.g. clv_decile)");
        }
        DefinitionRequest r = reader.readOne(body, DefinitionRequest.class).value();
        var spec = new FeatureDefinitions.Spec(r.entity() == null ? "customer" : r.entity(), r.valueType(),
                r.featureType(), r.featureVersion() == null ? 1 : r.featureVersion(), r.dataSource(),
                r.calculationLogic(), r.ttlSeconds(), r.description());
        String caller = identity.getPrincipal().getName();
        return pool.withTransaction(tx -> definitions.define(tx, name, spec, caller)).map(FeatureDefinitionResource::map);
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Every feature definition, by name")
    public Uni<List<Definition>> list() {
        return pool.query("select " + FeatureDefinitions.COLUMNS + " from silver.ml_feature_definition"
                + " order by feature_name").execute().map(rows -> {
                    List<Definition> out = new ArrayList<>();
                    rows.forEach(row -> out.add(map(row)));
                    return out;
                });
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "One feature definition; 404 naming it when it is not defined")
    public Uni<Definition> get(@PathParam("name") String name) {
        return pool.preparedQuery("select " + FeatureDefinitions.COLUMNS
                + " from silver.ml_feature_definition where feature_name = $1").execute(Tuple.of(name))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Feature " + name + " is not defined");
                    }
                    return map(rows.iterator().next());
                });
    }

    static Definition map(Row r) {
        return new Definition(r.getString("feature_name"), r.getString("entity"), r.getString("value_type"),
                r.getString("feature_type"), r.getInteger("feature_version"), r.getString("data_source"),
                r.getString("calculation_logic"), r.getLong("ttl_seconds"), r.getString("description"),
                r.getString("defined_by"), r.getOffsetDateTime("defined_at"));
    }
}
