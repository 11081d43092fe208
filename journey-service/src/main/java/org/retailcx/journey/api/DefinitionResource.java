package org.retailcx.journey.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.journey.ingest.JourneySpec;
import org.retailcx.journey.pipeline.definition.DefinitionVersion;
import org.retailcx.journey.pipeline.definition.JourneyDefinitions;
import org.retailcx.journey.pipeline.metrics.JourneyMetrics;
import org.retailcx.journey.pipeline.metrics.JourneyMetrics.VersionMetrics;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Journey definitions: create versions (validated), publish one, read them. */
@Path("/api/v1/journey/definitions")
@Produces(MediaType.APPLICATION_JSON)
public class DefinitionResource {

    private static final String KEY = "[a-z0-9][a-z0-9-]{0,63}";

    private final JourneyDefinitions definitions;
    private final IngestionReader reader;
    private final Caller caller;
    private final JourneyMetrics metrics;

    public DefinitionResource(JourneyDefinitions definitions, IngestionReader reader, Caller caller,
            JourneyMetrics metrics) {
        this.definitions = definitions;
        this.metrics = metrics;
        this.reader = reader;
        this.caller = caller;
    }

    @POST
    @Path("/{key}/versions")
    @Blocking // compiling the CEL conditions takes a while the first time: not on the event loop
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Store the next version of a journey as a draft, after validation: 400 naming the node "
            + "and the reason (unreachable node, wait-free cycle, branch without end, CEL error with its position)")
    public Uni<Response> create(@PathParam("key") String key,
            @RequestBody(content = @Content(schema = @Schema(implementation = JourneySpec.class))) String body) {
        checkKey(key);
        IngestionReader.Item<JourneySpec> spec = reader.readOne(body, JourneySpec.class);
        return definitions.create(key, spec.value(), spec.raw(), BronzeWriter.Caller.of(caller))
                .map(created -> Response.status(201).entity(created).build());
    }

    @POST
    @Path("/{key}/versions/{version}/publish")
    @RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Publish a version: new entries use it; the version published before is retired and its "
            + "running instances stay on it")
    public Uni<DefinitionVersion> publish(@PathParam("key") String key, @PathParam("version") int version) {
        checkKey(key);
        return definitions.publish(key, version, caller.subject());
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Every version of every journey (or of one: ?key=), newest first")
    public Uni<List<DefinitionVersion>> list(@QueryParam("key") String key) {
        return definitions.list(key);
    }

    @GET
    @Path("/{key}/versions/{version}")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "One version with its definition and status")
    public Uni<DefinitionVersion> get(@PathParam("key") String key, @PathParam("version") int version) {
        return definitions.get(key, version);
    }

    @GET
    @Path("/{key}/metrics")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Per version, over instances that entered in [from, to) (both optional): completion rate, "
            + "time to complete, abandonment rate by stage, engagement")
    public Uni<List<VersionMetrics>> metrics(@PathParam("key") String key, @QueryParam("from") OffsetDateTime from,
            @QueryParam("to") OffsetDateTime to) {
        checkKey(key);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return metrics.of(key, from, to);
    }

    private static void checkKey(String key) {
        if (!key.matches(KEY)) {
            throw ProblemException.invalid("key", "must be lower-case letters, digits and dashes (at most 64)");
        }
    }
}
