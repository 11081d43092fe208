package org.retailcx.journey.pipeline.rule;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A rule's current version and what it has done: events judged against it (evaluated), events its condition held
 * for (matched), firings (the first match of an event in priority order), conditions that failed on an event
 * (errors), and of the fired actions how many left at once (released) rather than deferred or suppressed by the
 * contact rules.
 */
@RegisterForReflection
public record RuleView(String ruleId, String journeyType, String triggerCondition, String actionToExecute,
        int priority, boolean active, int version, String updatedBy, OffsetDateTime updatedAt, Stats stats) {

    @RegisterForReflection
    public record Stats(long evaluated, long matched, long fired, long errors, long released,
            OffsetDateTime lastFiredAt) {
    }

    static final String QUERY = """
            select r.rule_id, r.journey_type, r.trigger_condition, r.action_to_execute, r.priority, r.active_flag,
                r.version, r.updated_by, r.updated_at,
                count(o.rule_id) as evaluated, count(*) filter (where o.matched) as matched,
                count(*) filter (where o.fired) as fired, count(*) filter (where o.error is not null) as errors,
                count(*) filter (where a.status = 'released') as released,
                max(o.judged_at) filter (where o.fired) as last_fired_at
            from silver.journey_orchestration_rule r
            left join silver.journey_rule_outcome o on o.rule_id = r.rule_id
            left join silver.journey_action a on a.action_id = o.action_id
            where $1::text is null or r.rule_id = $1
            group by r.rule_id
            order by r.priority, r.rule_id""";

    static RuleView of(Row r) {
        return new RuleView(r.getString("rule_id"), r.getString("journey_type"), r.getString("trigger_condition"),
                r.getString("action_to_execute"), r.getInteger("priority"), r.getBoolean("active_flag"),
                r.getInteger("version"), r.getString("updated_by"), r.getOffsetDateTime("updated_at"),
                new Stats(r.getLong("evaluated"), r.getLong("matched"), r.getLong("fired"), r.getLong("errors"),
                        r.getLong("released"), r.getOffsetDateTime("last_fired_at")));
    }
}
