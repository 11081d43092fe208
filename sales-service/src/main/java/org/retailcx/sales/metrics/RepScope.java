package org.retailcx.sales.metrics;

import java.util.List;
import java.util.Set;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;

/**
 * Whose rows a caller sees in sales, as a CRM does: a sales rep their own book (rows whose rep is the token's
 * {@code rep_id}); a sales manager their team(s): themselves, the reps who report to them ({@code manager_id}) and the
 * other members of those reps' teams, from the current rep master data ({@code gold.dim_sales_rep}); admin, service,
 * marketing and data scientists every row (the latter two with personal data masked). A rep or manager token without
 * a {@code rep_id} sees nothing. One definition: every list, single read and metric takes its {@link #condition}.
 */
public record RepScope(Kind kind, String repId) {

    public enum Kind {
        ALL, TEAM, OWN, NONE
    }

    private static final Set<String> SEE_ALL = Set.of(Roles.ADMIN, Roles.SERVICE, Roles.MARKETING,
            Roles.DATA_SCIENTIST);
    private static final String TEAM = """
            %1$s in (select m.rep_id from gold.dim_sales_rep m where m.is_current and (m.rep_id = $%2$d
                or m.manager_id = $%2$d or m.team in (select r.team from gold.dim_sales_rep r
                                                      where r.is_current and r.manager_id = $%2$d)))""";

    public static RepScope of(Caller caller) {
        if (caller.hasAny(SEE_ALL)) {
            return new RepScope(Kind.ALL, null);
        }
        String repId = caller.repId();
        if (repId == null) {
            return new RepScope(Kind.NONE, null);
        }
        return new RepScope(caller.has(Roles.SALES_MANAGER) ? Kind.TEAM : caller.has(Roles.SALES_REP) ? Kind.OWN
                : Kind.NONE, repId);
    }

    /** The SQL condition that {@code repColumn} holds a rep of the team the manager {@code $managerParam} leads. */
    public static String teamCondition(String repColumn, int managerParam) {
        return TEAM.formatted(repColumn, managerParam);
    }

    /** The SQL condition that {@code repColumn} holds a visible rep; its parameter (if any) is {@code $firstParam}. */
    public MetricFilter.Condition condition(String repColumn, int firstParam) {
        return switch (kind) {
            case ALL -> new MetricFilter.Condition("true", List.of());
            case NONE -> new MetricFilter.Condition("false", List.of());
            case OWN -> new MetricFilter.Condition(repColumn + " = $" + firstParam, List.of(repId));
            case TEAM -> new MetricFilter.Condition(teamCondition(repColumn, firstParam), List.of(repId));
        };
    }

    /** A rep asking for another rep's figures gets 403 naming {@code field} (a manager's are narrowed to the team). */
    public void checkRequested(String field, String requestedRepId) {
        if (requestedRepId != null && kind == Kind.OWN && !requestedRepId.equals(repId)) {
            throw ProblemException.forbidden(field, "a sales rep sees their own figures only (" + repId + ")");
        }
    }
}
