package org.retailcx.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The audit trail of operator actions (rebuilds, refits, model activations, plan changes, recalculations):
 * who (token subject and roles), when, what and on which target, in {@code platform.admin_actions}. Record it in the
 * action's own transaction where there is one, so that an action and its record commit together.
 */
@ApplicationScoped
public class AdminActions {

    private final Caller caller;

    public AdminActions(Caller caller) {
        this.caller = caller;
    }

    /**
     * @param action what was done, e.g. {@code medallion.rebuild}, {@code commission-plan.put}
     * @param target what it was done to (a plan id, a model version), or null
     * @param detail what else tells the action apart (parameters), or null
     */
    public Uni<Void> record(SqlClient client, String action, String target, JsonObject detail) {
        return client.preparedQuery("""
                insert into platform.admin_actions (action, target, acted_by, acted_roles, detail)
                values ($1, $2, $3, $4, $5)""")
                .execute(Tuple.of(action, target, caller.subject(), caller.sortedRoles().toArray(String[]::new),
                        detail))
                .replaceWithVoid();
    }
}
