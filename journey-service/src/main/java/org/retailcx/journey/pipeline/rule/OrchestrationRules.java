package org.retailcx.journey.pipeline.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.ingest.JourneySources;
import org.retailcx.journey.ingest.OrchestrationRuleRecord;
import org.retailcx.journey.ingest.RuleSpec;
import org.retailcx.journey.model.condition.ConditionCompiler;
import org.retailcx.journey.model.condition.ConditionSyntaxException;
import org.retailcx.journey.model.rule.OrchestrationRule;
import org.retailcx.journey.model.rule.RuleAction;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.medallion.InternalAppend;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Orchestration rules: a submission is checked (journey type, CEL condition with the error's line and column, action)
 * and appended to bronze through the rules source in one transaction, accepted or refused; an accepted one becomes
 * the rule's current version ({@link RuleSilver}), a refused one answers 400 and changes nothing that runs.
 */
@ApplicationScoped
public class OrchestrationRules {

    static final String JOURNEY_KEY = "[a-z0-9][a-z0-9-]{0,63}";

    /** A stored rule version, compiled. */
    public record Compiled(OrchestrationRule rule, int version, RuleAction action) {
    }

    private final Pool pool;
    private final InternalAppend append;
    private final ConditionCompiler compiler = new ConditionCompiler();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    public OrchestrationRules(Pool pool, InternalAppend append) {
        this.pool = pool;
        this.append = append;
    }

    public Uni<RuleView> put(String ruleId, RuleSpec spec, String raw, BronzeWriter.Caller caller) {
        List<FieldError> problems = problems(spec);
        OrchestrationRuleRecord record = OrchestrationRuleRecord.of(ruleId, spec, problems);
        return pool.withTransaction(tx -> append.append(tx, JourneySources.RULES, caller, record, raw)
                .chain(() -> problems.isEmpty() ? get(tx, ruleId) : Uni.createFrom().<RuleView>nullItem()))
                // a refusal stays in bronze (committed), the caller gets the 400
                .map(view -> {
                    if (view == null) {
                        throw ProblemException.invalid(problems);
                    }
                    return view;
                });
    }

    List<FieldError> problems(RuleSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (!spec.journeyType().equals(OrchestrationRule.ANY_JOURNEY) && !spec.journeyType().matches(JOURNEY_KEY)) {
            errors.add(new FieldError("journeyType", "must be a journey key or *"));
        }
        try {
            compiler.compile(spec.triggerCondition());
        } catch (ConditionSyntaxException e) {
            errors.add(new FieldError("triggerCondition", e.getMessage()));
        }
        try {
            RuleAction.parse(spec.actionToExecute());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("actionToExecute", e.getMessage()));
        }
        return errors;
    }

    public Uni<List<RuleView>> list() {
        return pool.withConnection(c -> views(c, null));
    }

    public Uni<RuleView> get(String ruleId) {
        return pool.withConnection(c -> get(c, ruleId));
    }

    private Uni<RuleView> get(SqlConnection c, String ruleId) {
        return views(c, ruleId).map(views -> {
            if (views.isEmpty()) {
                throw ProblemException.notFound("no rule " + ruleId);
            }
            return views.get(0);
        });
    }

    private static Uni<List<RuleView>> views(SqlConnection c, String ruleId) {
        return c.preparedQuery(RuleView.QUERY).execute(Tuple.of(ruleId)).map(rows -> {
            List<RuleView> out = new ArrayList<>();
            rows.forEach(r -> out.add(RuleView.of(r)));
            return out;
        });
    }

    /** The active rules, compiled (cached per version: a stored version never changes). */
    public Uni<List<Compiled>> active(SqlConnection tx) {
        return tx.query("""
                select rule_id, version, journey_type, trigger_condition, action_to_execute, priority
                from silver.journey_orchestration_rule where active_flag""").execute()
                .map(rows -> {
                    List<Compiled> out = new ArrayList<>();
                    rows.forEach(r -> out.add(compiled.computeIfAbsent(r.getString(0) + "@" + r.getInteger(1),
                            k -> new Compiled(new OrchestrationRule(r.getString(0), r.getString(2),
                                    compiler.compile(r.getString(3)), r.getString(4), r.getInteger(5), true),
                                    r.getInteger(1), RuleAction.parse(r.getString(4))))));
                    return out;
                });
    }
}
