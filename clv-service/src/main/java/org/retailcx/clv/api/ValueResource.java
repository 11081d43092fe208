package org.retailcx.clv.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.retailcx.clv.api.ValueViews.CustomerValue;
import org.retailcx.clv.api.ValueViews.Decile;
import org.retailcx.clv.api.ValueViews.ProfitabilityRank;
import org.retailcx.clv.api.ValueViews.Retention;
import org.retailcx.clv.api.ValueViews.Segments;
import org.retailcx.clv.metrics.ValueMetrics;
import org.retailcx.clv.model.Horizon;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;

/** Value lookups, segments and value metrics over gold. {@code modelVersion} defaults to the active version. */
@Path("/api/v1/clv")
@Produces(MediaType.APPLICATION_JSON)
public class ValueResource {

    private final ValueMetrics metrics;

    public ValueResource(ValueMetrics metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/customers/{customerId}/value")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.SALES_REP, Roles.SALES_MANAGER,
            Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "A customer's predicted value, decile and year-to-date profitability (for front ends);"
            + " with horizon and horizonUnit (weeks or months), also expected purchases, P(alive) and CLV over it")
    public Uni<CustomerValue> customerValue(@PathParam("customerId") String customerId,
            @QueryParam("modelVersion") Integer modelVersion,
            @Parameter(description = "Whole weeks (1-520) or months (1-120) from the prediction date; with horizonUnit")
            @QueryParam("horizon") String horizon,
            @Parameter(description = "weeks or months; with horizon",
                    schema = @Schema(enumeration = { "weeks", "months" }))
            @QueryParam("horizonUnit") String horizonUnit) {
        return metrics.customerValue(customerId, modelVersion, horizon(horizon, horizonUnit));
    }

    /** Both or neither: a whole number of weeks (1–520) or months (1–120). */
    static Horizon horizon(String length, String unit) {
        if (length == null && unit == null) {
            return null;
        }
        if (unit == null) {
            throw ProblemException.invalid("horizonUnit", "is required with horizon: weeks or months");
        }
        Horizon.Unit u = switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "weeks", "week" -> Horizon.Unit.WEEKS;
            case "months", "month" -> Horizon.Unit.MONTHS;
            default -> throw ProblemException.invalid("horizonUnit", "must be weeks or months, was " + unit);
        };
        int max = u == Horizon.Unit.WEEKS ? Horizon.MAX_WEEKS : Horizon.MAX_MONTHS;
        String expected = "a whole number of " + u.name().toLowerCase(Locale.ROOT) + " from 1 to " + max;
        if (length == null) {
            throw ProblemException.invalid("horizon", "is required with horizonUnit: " + expected);
        }
        int n;
        try {
            n = Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("horizon", "must be " + expected + ", was " + length);
        }
        if (n < 1 || n > max) {
            throw ProblemException.invalid("horizon", "must be " + expected + ", was " + n);
        }
        return new Horizon(n, u);
    }

    @GET
    @Path("/values")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Customers by predicted lifetime CLV, highest first; filter by segment and decile")
    public Uni<Page<CustomerValue>> values(@QueryParam("modelVersion") Integer modelVersion,
            @QueryParam("segment") String segment, @QueryParam("decile") Integer decile,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return metrics.values(modelVersion, segment, decile, limit, cursor);
    }

    @GET
    @Path("/deciles")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "CLV deciles (10 = most valuable): customers and predicted value per decile")
    public Uni<List<Decile>> deciles(@QueryParam("modelVersion") Integer modelVersion,
            @QueryParam("segment") String segment) {
        return metrics.deciles(modelVersion, segment);
    }

    @GET
    @Path("/segments")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Predicted CLV by segment, with CAC and the CLV:CAC ratio (overall and per segment)")
    public Uni<Segments> segments(@QueryParam("modelVersion") Integer modelVersion) {
        return metrics.segments(modelVersion);
    }

    @GET
    @Path("/profitability/ranking")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Customers by profit over [from, to] (default: all to date), most profitable first")
    public Uni<Page<ProfitabilityRank>> profitabilityRanking(@QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("segment") String segment, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return metrics.profitabilityRanking(from, to, segment, limit, cursor);
    }

    @GET
    @Path("/metrics/high-value-retention")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Share of the top-decile customers at the prediction date who bought again by 'until'")
    public Uni<Retention> highValueRetention(@QueryParam("modelVersion") Integer modelVersion,
            @QueryParam("topDeciles") Integer topDeciles, @QueryParam("until") LocalDate until) {
        return metrics.highValueRetention(modelVersion, topDeciles, until);
    }
}
