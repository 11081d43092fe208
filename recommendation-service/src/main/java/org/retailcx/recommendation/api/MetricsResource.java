package org.retailcx.recommendation.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;
import org.retailcx.recommendation.metrics.OnlineMetrics;

import io.smallrye.mutiny.Uni;

/** Online metrics of served recommendations. */
@Path("/api/v1/recommendation/metrics/online")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    private final OnlineMetrics metrics;

    public MetricsResource(OnlineMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "CTR, conversion rate, revenue, AOV, dwell and coverage of the recommendations served in "
            + "[from, to) (default: the last 30 days), per algorithm and context and per algorithm (context null)")
    public Uni<List<OnlineMetrics.OnlineRow>> online(@QueryParam("from") String from, @QueryParam("to") String to) {
        OffsetDateTime end = to == null ? OffsetDateTime.now(ZoneOffset.UTC) : instant(to, "to");
        OffsetDateTime start = from == null ? end.minusDays(30) : instant(from, "from");
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return metrics.between(start, end);
    }

    private static OffsetDateTime instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO 8601 date-time with offset, e.g. 2026-11-01T00:00:00Z");
        }
    }
}
