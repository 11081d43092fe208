package org.retailcx.platform.medallion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The write check for a caller limited to their own book (a sales rep): every record they send must be owned by
 * them, and so must the record it supersedes (its newest bronze version before this batch). Otherwise 403 naming the
 * owner field of each offending record. A record nobody owned yet (an unassigned lead) may be taken.
 */
final class OwnBook<T> {

    private final MedallionSource<T> source;
    private final MedallionSource.Owner<T> owner;
    private final String repId;
    private final List<FieldError> errors = new ArrayList<>();
    /** record id → field prefixes of the records that carry it ("" or "[3].") */
    private final Map<String, List<String>> records = new LinkedHashMap<>();
    /** parent record id → prefixes, when the owner is the parent's */
    private final Map<String, List<String>> parents = new LinkedHashMap<>();

    OwnBook(MedallionSource<T> source, String repId) {
        if (source.owner() == null) {
            throw ProblemException.forbidden(source.idField(), "a sales rep may not write " + source.name()
                    + " records (they are not owned by a rep)");
        }
        if (repId == null) {
            throw ProblemException.forbidden(source.owner().field(), "the token names no rep (claim rep_id), so no "
                    + source.name() + " record is in its book");
        }
        this.source = source;
        this.owner = source.owner();
        this.repId = repId;
    }

    void add(String prefix, T record) {
        records.computeIfAbsent(source.idOf().apply(record), id -> new ArrayList<>()).add(prefix);
        String value = owner.value().apply(record);
        if (owner.parent() == null) {
            if (!repId.equals(value)) {
                errors.add(new FieldError(prefix + owner.field(), "must be your own rep id (" + repId + ")"));
            }
        } else if (value == null) {
            errors.add(new FieldError(prefix + owner.field(), "must name a " + owner.parent().name()
                    + " record of your own book"));
        } else {
            parents.computeIfAbsent(value, id -> new ArrayList<>()).add(prefix);
        }
    }

    /** Checks what is in bronze (outside {@code batchId}) and throws 403 listing every offending record. */
    void check(SqlClient tx, UUID batchId, Duration wait) {
        if (!records.isEmpty()) {
            for (Row row : newestOwners(tx, source.table(), owner.ownerOf("b"), records, batchId, wait)) {
                String current = row.getString(1);
                if (current != null && !current.equals(repId)) {
                    String message = "the " + source.name() + " record " + row.getString(0)
                            + " belongs to another rep's book";
                    records.get(row.getString(0)).forEach(prefix -> errors.add(new FieldError(prefix + owner.field(),
                            message)));
                }
            }
        }
        if (!parents.isEmpty()) {
            Map<String, List<String>> unowned = new LinkedHashMap<>(parents);
            for (Row row : newestOwners(tx, owner.parent().table(), "b." + owner.parent().owner().column(), parents,
                    null, wait)) {
                if (repId.equals(row.getString(1))) {
                    unowned.remove(row.getString(0));
                }
            }
            unowned.forEach((parent, prefixes) -> prefixes.forEach(prefix -> errors.add(new FieldError(
                    prefix + owner.field(), owner.parent().name() + " " + parent + " is not in your book"))));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.forbidden(errors.subList(0, Math.min(errors.size(), 100)));
        }
    }

    /** The owner of a record of this source, from its newest bronze version (null when unowned or never received). */
    static String ownerOf(SqlClient client, MedallionSource<?> source, String id, Duration wait) {
        var rows = newestOwners(client, source.table(), source.owner().ownerOf("b"), Map.of(id, List.of()), null, wait);
        return rows.isEmpty() ? null : rows.get(0).getString(1);
    }

    private static List<Row> newestOwners(SqlClient client, String table, String ownerSql, Map<String, ?> ids,
            UUID excludedBatch, Duration wait) {
        List<Row> result = new ArrayList<>();
        client.preparedQuery("select distinct on (b.source_record_id) b.source_record_id, " + ownerSql + " from "
                + table + " b where b.source_record_id = any($1) and ($2::uuid is null or b.batch_id <> $2)"
                + " order by b.source_record_id, b.bronze_id desc")
                .execute(Tuple.of(ids.keySet().toArray(String[]::new), excludedBatch))
                .await().atMost(wait).forEach(result::add);
        return result;
    }
}
