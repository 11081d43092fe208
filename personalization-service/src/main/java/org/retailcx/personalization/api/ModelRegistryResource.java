package org.retailcx.personalization.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.retailcx.personalization.api.ModelViews.AliasRequest;
import org.retailcx.personalization.api.ModelViews.Model;
import org.retailcx.personalization.api.ModelViews.Version;
import org.retailcx.personalization.pipeline.registry.AliasMove;
import org.retailcx.personalization.pipeline.registry.ModelAliases;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The model registry: models, their versions (lineage, metrics, deployment, deprecation) and aliases. Versions are
 * written through {@code PUT /api/v1/personalization/model-versions/{modelId@version}} (and the training services'
 * events); aliases here.
 */
@Path("/api/v1/personalization/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelRegistryResource {

    private final Pool pool;
    private final IngestionReader reader;
    private final ModelAliases aliases;
    private final SecurityIdentity identity;

    public ModelRegistryResource(Pool pool, IngestionReader reader, ModelAliases aliases, SecurityIdentity identity) {
        this.pool = pool;
        this.reader = reader;
        this.aliases = aliases;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Registered models by id, each with its versions and aliases")
    public Uni<Page<Model>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        String after = Page.after(cursor);
        return pool.preparedQuery("""
                select distinct model_id from silver.ml_model_version where model_id > $1
                order by model_id limit $2""").execute(Tuple.of(after == null ? "" : after, size + 1))
                .chain(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getString(0)));
                    return models(ids);
                })
                .map(models -> Page.of(models, size, Model::modelId));
    }

    @GET
    @Path("/{modelId}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "One model with its versions (newest first) and aliases; 404 if it is not registered")
    public Uni<Model> get(@PathParam("modelId") String modelId) {
        return models(List.of(modelId)).map(models -> {
            if (models.isEmpty()) {
                throw unknownModel(modelId);
            }
            return models.get(0);
        });
    }

    @GET
    @Path("/{modelId}/versions/{version}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "One model version: lineage, metrics, deployment, deprecation, aliases")
    public Uni<Version> version(@PathParam("modelId") String modelId, @PathParam("version") int version) {
        return pool.preparedQuery(RegistryQueries.VERSIONS + " where v.model_id = $1 and v.version = $2")
                .execute(Tuple.of(modelId, version))
                .chain(rows -> rows.size() == 0 ? notFound(modelId, version)
                        : Uni.createFrom().item(RegistryQueries.version(rows.iterator().next())));
    }

    @GET
    @Path("/{modelId}/aliases/{alias}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "The version an alias points to (what serving code resolves, e.g. champion)")
    public Uni<Version> resolve(@PathParam("modelId") String modelId, @PathParam("alias") String alias) {
        return pool.preparedQuery(RegistryQueries.VERSIONS
                + " join silver.ml_model_alias a on a.model_id = v.model_id and a.version = v.version"
                + " where a.model_id = $1 and a.alias = $2").execute(Tuple.of(modelId, alias))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        return Uni.createFrom().item(RegistryQueries.version(rows.iterator().next()));
                    }
                    return get(modelId).map(m -> {
                        throw ProblemException.notFound("Model " + modelId + " has no alias " + alias);
                    });
                });
    }

    @PUT
    @Path("/{modelId}/aliases/{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Point an alias at a version (creating it if new); publishes alias-moved when it moves. "
            + "404 for an unknown model or version, 409 for a deprecated version")
    public Uni<AliasMove> moveAlias(@PathParam("modelId") String modelId, @PathParam("alias") String alias,
            @RequestBody(content = @Content(schema = @Schema(implementation = AliasRequest.class))) String body) {
        if (!alias.matches(ModelAliases.NAME)) {
            throw ProblemException.invalid("alias", "must be lower case letters, digits and '-', starting with a"
                    + " letter (e.g. champion)");
        }
        int version = reader.readOne(body, AliasRequest.class).value().version();
        String caller = identity.getPrincipal().getName();
        return pool.withTransaction(tx -> aliases.move(tx, modelId, alias, version, caller));
    }

    private Uni<List<Model>> models(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(RegistryQueries.VERSIONS
                + " where v.model_id = any($1) order by v.model_id, v.version desc")
                .execute(Tuple.of((Object) ids.toArray(String[]::new)))
                .chain(versionRows -> pool.preparedQuery("""
                        select model_id, alias, version, null::integer as previous_version, moved_by, moved_at
                        from silver.ml_model_alias where model_id = any($1) order by model_id, alias""")
                        .execute(Tuple.of((Object) ids.toArray(String[]::new)))
                        .map(aliasRows -> {
                            List<Model> models = new ArrayList<>();
                            List<Version> versions = new ArrayList<>();
                            for (Row r : versionRows) {
                                Version v = RegistryQueries.version(r);
                                if (!versions.isEmpty() && !versions.get(0).modelId().equals(v.modelId())) {
                                    models.add(model(versions, aliasRows));
                                    versions = new ArrayList<>();
                                }
                                versions.add(v);
                            }
                            if (!versions.isEmpty()) {
                                models.add(model(versions, aliasRows));
                            }
                            return models;
                        }));
    }

    private static Model model(List<Version> versions, Iterable<Row> aliasRows) {
        Version latest = versions.get(0);
        List<AliasMove> aliases = new ArrayList<>();
        for (Row r : aliasRows) {
            if (r.getString("model_id").equals(latest.modelId())) {
                aliases.add(RegistryQueries.alias(r));
            }
        }
        return new Model(latest.modelId(), latest.name(), latest.modelType(), latest.version(), List.copyOf(versions),
                aliases);
    }

    private <T> Uni<T> notFound(String modelId, int version) {
        return get(modelId).map(m -> {
            throw ProblemException.notFound("Model " + modelId + " has no version " + version + " (versions: "
                    + Arrays.toString(m.versions().stream().mapToInt(Version::version).sorted().toArray()) + ")");
        });
    }

    static ProblemException unknownModel(String modelId) {
        return ProblemException.notFound("Model " + modelId + " is not registered");
    }
}
