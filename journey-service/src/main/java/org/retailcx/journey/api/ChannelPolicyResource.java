package org.retailcx.journey.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.retailcx.journey.pipeline.contact.ChannelPolicies;
import org.retailcx.journey.pipeline.contact.ChannelPolicies.ChannelPolicyView;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Frequency caps and quiet hours per channel, applied to every message a journey requests. */
@Path("/api/v1/journey/channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelPolicyResource {

    private static final Set<String> WINDOWS = Set.of("LOCAL_DAY", "LOCAL_WEEK", "ROLLING");

    private final ChannelPolicies policies;
    private final IngestionReader reader;
    private final SecurityIdentity identity;

    public ChannelPolicyResource(ChannelPolicies policies, IngestionReader reader, SecurityIdentity identity) {
        this.policies = policies;
        this.reader = reader;
        this.identity = identity;
    }

    @PUT
    @Path("/{channel}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Set a channel's caps and quiet hours (channel * = caps across all channels)")
    public Uni<ChannelPolicyView> put(@PathParam("channel") String channel,
            @RequestBody(content = @Content(schema = @Schema(implementation = ChannelPolicyRequest.class)))
            String body) {
        if (!channel.equals("*") && !channel.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw ProblemException.invalid("channel", "must be lower-case letters, digits and dashes, or *");
        }
        ChannelPolicyRequest request = reader.readOne(body, ChannelPolicyRequest.class).value();
        List<FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> caps = new ArrayList<>();
        for (int i = 0; i < request.caps().size(); i++) {
            caps.add(cap(request.caps().get(i), "caps[" + i + "].", errors));
        }
        if ((request.quietHoursStart() == null) != (request.quietHoursEnd() == null)) {
            errors.add(new FieldError(request.quietHoursStart() == null ? "quietHoursStart" : "quietHoursEnd",
                    "quiet hours need both a start and an end"));
        } else if (request.quietHoursStart() != null && request.quietHoursStart().equals(request.quietHoursEnd())) {
            errors.add(new FieldError("quietHoursEnd", "must differ from quietHoursStart"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return policies.save(channel, caps, request.quietHoursStart(), request.quietHoursEnd(),
                identity.getPrincipal().getName());
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "Every channel's caps and quiet hours")
    public Uni<List<ChannelPolicyView>> list() {
        return policies.list();
    }

    private static Map<String, Object> cap(ChannelPolicyRequest.Cap cap, String at, List<FieldError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (cap.maxMessages() == null || cap.maxMessages() < 1) {
            errors.add(new FieldError(at + "maxMessages", "must be 1 or more"));
        }
        if (cap.window() == null || !WINDOWS.contains(cap.window())) {
            errors.add(new FieldError(at + "window", "must be LOCAL_DAY, LOCAL_WEEK or ROLLING"));
        }
        out.put("maxMessages", cap.maxMessages());
        out.put("window", cap.window());
        if ("ROLLING".equals(cap.window())) {
            try {
                Duration rolling = Duration.parse(String.valueOf(cap.rolling()));
                if (rolling.isNegative() || rolling.isZero()) {
                    errors.add(new FieldError(at + "rolling", "must be a positive duration"));
                }
                out.put("rolling", rolling.toString());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(at + "rolling", "a rolling cap needs an ISO-8601 duration such as PT6H"));
            }
        } else if (cap.rolling() != null) {
            errors.add(new FieldError(at + "rolling", "only a ROLLING cap has a rolling window"));
        }
        return out;
    }
}
