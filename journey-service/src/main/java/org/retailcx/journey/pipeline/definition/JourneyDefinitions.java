package org.retailcx.journey.pipeline.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.ingest.JourneyDefinitionRecord;
import org.retailcx.journey.ingest.JourneySources;
import org.retailcx.journey.ingest.JourneySpec;
import org.retailcx.journey.ingest.JourneySpecMapper;
import org.retailcx.journey.model.condition.ConditionCompiler;
import org.retailcx.journey.model.definition.DefinitionProblem;
import org.retailcx.journey.model.definition.JourneyDefinition;
import org.retailcx.journey.model.definition.JourneyStateMachine;
import org.retailcx.journey.model.definition.JourneyValidator;
import org.retailcx.journey.pipeline.gold.JourneyStar;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.medallion.InternalAppend;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Journey definitions, versioned. A new version is validated before it is stored ({@link JourneyValidator}: 400
 * naming the node and the reason, and nothing stored in silver; bronze keeps the refused submission); publishing a
 * version retires the one published before, and instances keep running on the version they entered. Compiled state
 * machines are cached per version: a stored version never changes.
 */
@ApplicationScoped
public class JourneyDefinitions {

    /** A published (or retired) version, compiled. */
    public record Compiled(JourneyDefinition definition, JourneyStateMachine machine) {
    }

    private final Pool pool;
    private final InternalAppend append;
    private final JourneyStar star;
    private final ConditionCompiler compiler = new ConditionCompiler();
    private final JourneyValidator validator = new JourneyValidator(compiler);
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    public JourneyDefinitions(Pool pool, InternalAppend append, JourneyStar star) {
        this.pool = pool;
        this.append = append;
        this.star = star;
    }

    /**
     * Validates and stores the next version of {@code key} as a draft: the submission goes to bronze through the
     * definitions source, whose listener makes an accepted one the draft ({@link DefinitionSilver}).
     */
    public Uni<DefinitionVersion> create(String key, JourneySpec spec, String raw, BronzeWriter.Caller caller) {
        ProblemException[] refused = new ProblemException[1];
        return pool.withTransaction(tx -> tx
                .preparedQuery("select pg_advisory_xact_lock(hashtextextended('journey-definition:' || $1, 0))")
                .execute(Tuple.of(key))
                .chain(() -> tx.preparedQuery(
                        "select coalesce(max(version), 0) + 1 from silver.journey_definition where journey_key = $1")
                        .execute(Tuple.of(key)))
                .map(rows -> rows.iterator().next().getInteger(0))
                .chain(version -> {
                    List<FieldError> problems = problems(key, version, spec);
                    if (problems.isEmpty()) {
                        return append.append(tx, JourneySources.DEFINITIONS, caller,
                                JourneyDefinitionRecord.accepted(key, version), raw).chain(() -> get(tx, key, version));
                    }
                    refused[0] = ProblemException.invalid(problems);
                    return append.append(tx, JourneySources.DEFINITIONS, caller,
                            JourneyDefinitionRecord.refused(key, problems), raw).replaceWith((DefinitionVersion) null);
                }))
                // the refusal stays in bronze (committed), the caller gets the 400
                .map(created -> {
                    if (created == null) {
                        throw refused[0];
                    }
                    return created;
                });
    }

    private List<FieldError> problems(String key, int version, JourneySpec spec) {
        JourneyDefinition definition;
        try {
            definition = JourneySpecMapper.toDefinition(key, version, spec);
        } catch (ProblemException unreadable) {
            return unreadable.errors();
        }
        List<FieldError> errors = new ArrayList<>();
        for (DefinitionProblem problem : validator.validate(definition)) {
            errors.add(new FieldError(field(problem.node()), problem.reason()));
        }
        return errors;
    }

    /** The request field a validator problem is about: {@code nodes[<id>]}, {@code goals[<name>]}, … */
    static String field(String node) {
        if (node.startsWith("goal:")) {
            return "goals[" + node.substring(5) + "]";
        }
        if (node.startsWith("exit:")) {
            return "exits[" + node.substring(5) + "]";
        }
        return switch (node) {
            case "entry", "start" -> node;
            case "re-entry" -> "reEntry";
            case "journey" -> "key";
            case "(unnamed)" -> "nodes";
            default -> "nodes[" + node + "]";
        };
    }

    /** Publishes a stored version: the version published before is retired (its instances keep running). */
    public Uni<DefinitionVersion> publish(String key, int version, String caller) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                update silver.journey_definition set status = 'retired'
                where journey_key = $1 and status = 'published' and version <> $2""")
                .execute(Tuple.of(key, version))
                .chain(() -> tx.preparedQuery("""
                        update silver.journey_definition
                        set status = 'published', published_by = $3, published_at = now()
                        where journey_key = $1 and version = $2 and status <> 'published'
                        returning\s""" + DefinitionVersion.COLUMNS).execute(Tuple.of(key, version, caller)))
                // no row updated: the version is published already (a no-op), or it does not exist (404)
                .chain(rows -> rows.size() == 1
                        ? star.journeys(tx).replaceWith(view(rows.iterator().next()))
                        : get(tx, key, version)));
    }

    public Uni<DefinitionVersion> get(SqlConnection tx, String key, int version) {
        return tx.preparedQuery("select " + DefinitionVersion.COLUMNS
                + " from silver.journey_definition where journey_key = $1 and version = $2")
                .execute(Tuple.of(key, version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("journey " + key + " has no version " + version);
                    }
                    return view(rows.iterator().next());
                });
    }

    public Uni<DefinitionVersion> get(String key, int version) {
        return pool.withConnection(c -> get(c, key, version));
    }

    /** Every version of every journey, newest first per journey. */
    public Uni<List<DefinitionVersion>> list(String key) {
        return pool.preparedQuery("select " + DefinitionVersion.COLUMNS + """
                 from silver.journey_definition where $1::text is null or journey_key = $1
                order by journey_key, version desc""")
                .execute(Tuple.of(key))
                .map(rows -> {
                    List<DefinitionVersion> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    /** The published versions whose entry trigger is {@code eventType}. */
    public Uni<List<Compiled>> publishedFor(SqlConnection tx, List<String> eventTypes) {
        return tx.preparedQuery("""
                select journey_key, version, definition::text from silver.journey_definition
                where status = 'published' and entry_event_type = any($1)""")
                .execute(Tuple.of((Object) eventTypes.toArray(String[]::new)))
                .map(rows -> {
                    List<Compiled> out = new ArrayList<>();
                    rows.forEach(r -> out.add(compiled(r.getString(0), r.getInteger(1), r.getString(2))));
                    return out;
                });
    }

    /** A stored version, compiled (cached: versions are immutable). */
    public Uni<Compiled> version(SqlConnection tx, String key, int version) {
        Compiled known = compiled.get(key + "@" + version);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return tx.preparedQuery("select definition::text from silver.journey_definition where journey_key = $1 "
                + "and version = $2").execute(Tuple.of(key, version))
                .map(rows -> compiled(key, version, rows.iterator().next().getString(0)));
    }

    private Compiled compiled(String key, int version, String json) {
        return compiled.computeIfAbsent(key + "@" + version, k -> {
            JourneyDefinition definition = JourneySpecMapper.toDefinition(key, version, parse(json));
            return new Compiled(definition, new JourneyStateMachine(definition, compiler));
        });
    }

    private static JourneySpec parse(String json) {
        try {
            return EventJson.mapper().readValue(json, JourneySpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored definition does not parse", e);
        }
    }

    private static DefinitionVersion view(Row r) {
        try {
            JsonNode definition = EventJson.mapper().readTree(r.getString(8));
            return DefinitionVersion.of(r, definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
