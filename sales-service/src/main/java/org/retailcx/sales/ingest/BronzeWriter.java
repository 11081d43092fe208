package org.retailcx.sales.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.retailcx.platform.ingest.IngestionReader.Item;
import org.retailcx.sales.api.IngestionReceipt;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends a batch of any source to its bronze table, then lets that source's {@link BronzeListener}s update silver,
 * gold and the outbox, all in the caller's transaction: the batch lands everywhere or nowhere.
 */
@ApplicationScoped
public class BronzeWriter {

    private final List<BronzeListener> listeners;

    public BronzeWriter(Instance<BronzeListener> listeners) {
        this.listeners = listeners.stream().sorted(Comparator.comparingInt(BronzeListener::order)).toList();
    }

    public <T> Uni<IngestionReceipt> append(SqlConnection tx, BronzeSource<T> source, String sourceSystem,
            List<Item<T>> items) {
        UUID batchId = UUID.randomUUID();
        String[] ids = items.stream().map(i -> source.idOf().apply(i.value())).distinct().toArray(String[]::new);
        List<Tuple> rows = new ArrayList<>(items.size());
        for (Item<T> item : items) {
            T value = item.value();
            Object[] row = new Object[4 + source.columns().size()];
            row[0] = sourceSystem;
            row[1] = source.idOf().apply(value);
            row[2] = batchId;
            row[3] = item.raw().toString();
            for (int c = 0; c < source.columns().size(); c++) {
                row[4 + c] = source.columns().get(c).value().apply(value);
            }
            rows.add(Tuple.from(row));
        }
        // Serialise concurrent writers of the same records (locks taken in key order: no deadlock), so that
        // "first time won", lead merges and history are decided once per change.
        return tx.preparedQuery("""
                select count(pg_advisory_xact_lock(k)) from (
                  select distinct hashtextextended($1 || ':' || id, 0) as k from unnest($2::text[]) id
                  order by k) locks""")
                .execute(Tuple.of("sales." + source.name(), ids))
                .chain(() -> tx.preparedQuery(insertSql(source)).executeBatch(rows))
                .chain(() -> Multi.createFrom().iterable(listeners)
                        .filter(l -> l.source().equals(source.name()))
                        .onItem().transformToUniAndConcatenate(l -> l.afterBronze(tx, batchId))
                        .collect().asList())
                .map(queued -> new IngestionReceipt(batchId, items.size(),
                        queued.stream().mapToInt(Integer::intValue).sum()));
    }

    static String insertSql(BronzeSource<?> source) {
        List<String> names = new ArrayList<>(List.of("source_system", "source_record_id", "batch_id", "payload"));
        List<String> params = new ArrayList<>(List.of("$1", "$2", "$3", "$4::text::jsonb"));
        for (int c = 0; c < source.columns().size(); c++) {
            BronzeSource.Column<?> column = source.columns().get(c);
            names.add(column.name());
            String param = "$" + (5 + c);
            params.add(column.sqlType() == null ? param
                    : "jsonb".equals(column.sqlType()) ? param + "::text::jsonb" : param + "::" + column.sqlType());
        }
        return "insert into " + source.table() + " (" + String.join(", ", names) + ") values ("
                + params.stream().collect(Collectors.joining(", ")) + ")";
    }
}
