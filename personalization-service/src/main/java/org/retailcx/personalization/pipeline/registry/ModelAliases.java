package org.retailcx.personalization.pipeline.registry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.personalization.ModelAliasMoved;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves model aliases: the alias row, its history and the {@code alias-moved} event in one transaction. Setting an
 * alias to the version it already points at changes nothing and publishes nothing.
 */
@ApplicationScoped
public class ModelAliases {

    public static final String NAME = "[a-z][a-z0-9-]{0,63}";

    // The alias row is locked first (when it exists), so the version it replaces is the one read.
    private static final String LOCK = "select version from silver.ml_model_alias where model_id = $1 and alias = $2"
            + " for update";

    private static final String MOVE = """
            insert into silver.ml_model_alias as a (model_id, alias, version, moved_by, moved_at)
            values ($1, $2, $3, $4, now())
            on conflict (model_id, alias) do update set version = excluded.version, moved_by = excluded.moved_by,
                moved_at = excluded.moved_at
            where a.version <> excluded.version
            returning moved_at""";

    private final Outbox outbox;

    public ModelAliases(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<AliasMove> move(SqlConnection tx, String modelId, String alias, int version, String caller) {
        return tx.preparedQuery("""
                select exists (select 1 from silver.ml_model_version where model_id = $1) as model_known,
                    exists (select 1 from silver.ml_model_version where model_id = $1 and version = $2) as version_known,
                    (select deprecation_date from silver.ml_model_version where model_id = $1 and version = $2)
                        as deprecation_date""")
                .execute(Tuple.of(modelId, version))
                .chain(rows -> {
                    Row r = rows.iterator().next();
                    if (!r.getBoolean("model_known")) {
                        throw ProblemException.notFound("Model " + modelId + " is not registered");
                    }
                    if (!r.getBoolean("version_known")) {
                        throw ProblemException.notFound("Model " + modelId + " has no version " + version);
                    }
                    OffsetDateTime deprecated = r.getOffsetDateTime("deprecation_date");
                    if (deprecated != null && !deprecated.isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
                        throw ProblemException.conflict("urn:retailcx:problem:model-version-deprecated", "Model "
                                + modelId + " version " + version + " was deprecated on " + deprecated
                                + "; an alias cannot point at it");
                    }
                    return tx.preparedQuery(LOCK).execute(Tuple.of(modelId, alias));
                })
                .chain(locked -> {
                    Integer previous = locked.size() == 0 ? null : locked.iterator().next().getInteger(0);
                    return tx.preparedQuery(MOVE).execute(Tuple.of(modelId, alias, version, caller))
                            .chain(moved -> moved.size() == 0 ? current(tx, modelId, alias)
                                    : recordMove(tx, modelId, alias, version, previous, caller,
                                            moved.iterator().next().getOffsetDateTime("moved_at")));
                });
    }

    private Uni<AliasMove> recordMove(SqlConnection tx, String modelId, String alias, int version, Integer previous,
            String caller, OffsetDateTime movedAt) {
        AliasMove move = new AliasMove(modelId, alias, version, previous, caller, movedAt);
        return tx.preparedQuery("""
                insert into silver.ml_model_alias_history (model_id, alias, version, previous_version, moved_by,
                    moved_at) values ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.from(new Object[] { modelId, alias, version, previous, caller, movedAt }))
                .chain(() -> outbox.append(tx, EventCatalog.PERSONALIZATION_MODEL_ALIAS_MOVED, modelId, modelId,
                        new ModelAliasMoved(modelId, alias, version, previous, caller)))
                .replaceWith(move);
    }

    private static Uni<AliasMove> current(SqlConnection tx, String modelId, String alias) {
        return tx.preparedQuery("""
                select version, moved_by, moved_at from silver.ml_model_alias where model_id = $1 and alias = $2""")
                .execute(Tuple.of(modelId, alias))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new AliasMove(modelId, alias, r.getInteger("version"), null, r.getString("moved_by"),
                            r.getOffsetDateTime("moved_at"));
                });
    }
}
