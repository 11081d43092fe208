package org.retailcx.platform.medallion;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.ingest.AcceptedDates;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends records of any source to its bronze table: one {@code INSERT … SELECT FROM unnest(…)} per chunk of records
 * (column arrays, one round trip per chunk), plus the batch's row in {@code platform.ingestion_batches}, all in the
 * caller's transaction. A streamed batch sends each full chunk without waiting for it, so the database inserts one
 * chunk while the next is parsed. Column types come from the table itself; a value that does not fit its column (a
 * number beyond its precision, a date outside {@link AcceptedDates}) is reported as a field error instead of failing
 * in the database or in a later date-key lookup.
 */
@ApplicationScoped
public class BronzeWriter {

    /** Records per insert statement. */
    public static final int CHUNK = 2_000;
    /** Chunks sent and not yet inserted, at most: bounds a streamed batch's memory. */
    static final int IN_FLIGHT = 2;

    private final Pool pool;
    private final AcceptedDates acceptedDates;
    private final Map<String, TableShape> shapes = new ConcurrentHashMap<>();

    public BronzeWriter(Pool pool, AcceptedDates acceptedDates) {
        this.pool = pool;
        this.acceptedDates = acceptedDates;
    }

    /**
     * Who sent a batch: the token's subject and roles, the event it came from, or (for records a process of the
     * service produces without a request) the service itself.
     */
    public record Caller(String name, List<String> roles) {

        /** The request's caller. */
        public static Caller of(org.retailcx.platform.security.Caller caller) {
            return new Caller(caller.subject(), caller.sortedRoles());
        }
    }

    /** A bronze column as the database defines it. */
    record ColumnShape(String name, String udt, int precision, int scale) {
    }

    /** The declared columns' database types, and whether the table records the consumed event's id. */
    public record TableShape(List<ColumnShape> columns, boolean hasEventId, String insertSql) {
    }

    /** The table's shape, read from the catalogue once per table. */
    public <T> Uni<TableShape> shape(MedallionSource<T> source) {
        TableShape known = shapes.get(source.table());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        String[] schemaAndTable = source.table().split("\\.", 2);
        return pool.preparedQuery("""
                select column_name, udt_name, coalesce(numeric_precision, 0), coalesce(numeric_scale, 0)
                from information_schema.columns where table_schema = $1 and table_name = $2""")
                .execute(Tuple.of(schemaAndTable[0], schemaAndTable[1]))
                .map(rows -> {
                    Map<String, ColumnShape> byName = new HashMap<>();
                    for (Row r : rows) {
                        byName.put(r.getString(0), new ColumnShape(r.getString(0), r.getString(1), r.getInteger(2),
                                r.getInteger(3)));
                    }
                    List<ColumnShape> columns = new ArrayList<>();
                    for (MedallionSource.Column<T> c : source.columns()) {
                        ColumnShape shape = byName.get(c.name());
                        if (shape == null) {
                            throw new IllegalStateException(source.table() + " has no column " + c.name());
                        }
                        columns.add(shape);
                    }
                    boolean hasEventId = byName.containsKey("event_id");
                    TableShape shape = new TableShape(List.copyOf(columns), hasEventId,
                            insertSql(source.table(), columns, hasEventId));
                    shapes.put(source.table(), shape);
                    return shape;
                });
    }

    static String insertSql(String table, List<ColumnShape> columns, boolean hasEventId) {
        StringBuilder names = new StringBuilder("source_system, source_record_id, batch_id, payload");
        StringBuilder values = new StringBuilder("$1, u.id, $2, u.payload::jsonb");
        StringBuilder arrays = new StringBuilder("$4::text[], $5::text[]");
        StringBuilder aliases = new StringBuilder("id, payload");
        if (hasEventId) {
            names.append(", event_id");
            values.append(", e.event_id");
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnShape c = columns.get(i);
            String alias = "c" + i;
            names.append(", ").append(c.name());
            values.append(", ").append(cast("u." + alias, c.udt()));
            arrays.append(", $").append(6 + i).append("::text[]");
            aliases.append(", ").append(alias);
        }
        // $3, the consumed event's id, is always bound (null for API batches), so it is always typed here
        return "insert into " + table + " (" + names + ") select " + values
                + " from (select $3::text as event_id) e, unnest(" + arrays
                + ") with ordinality u(" + aliases + ", ord) order by u.ord";
    }

    private static String cast(String value, String udt) {
        return switch (udt) {
            case "text", "varchar" -> value;
            case "_text" -> "case when " + value + " is null then null else array(select jsonb_array_elements_text("
                    + value + "::jsonb)) end";
            default -> value + "::" + udt;
        };
    }

    /** Collects records of one batch as column arrays and inserts them a chunk at a time. */
    public <T> Appender<T> appender(MedallionSource<T> source, TableShape shape, UUID batchId, String sourceSystem,
            String eventId) {
        return new Appender<>(source, shape, batchId, sourceSystem, eventId);
    }

    public final class Appender<T> {
        private final MedallionSource<T> source;
        private final TableShape shape;
        private final UUID batchId;
        private final String sourceSystem;
        private final String eventId;
        private final List<FieldError> errors = new ArrayList<>();
        private final ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        private String[][] columns;
        private String[] ids;
        private String[] payloads;
        private int size;
        private int total;

        private Appender(MedallionSource<T> source, TableShape shape, UUID batchId, String sourceSystem,
                String eventId) {
            this.source = source;
            this.shape = shape;
            this.batchId = batchId;
            this.sourceSystem = sourceSystem;
            this.eventId = eventId;
            reset();
        }

        private void reset() {
            columns = new String[shape.columns().size()][CHUNK];
            ids = new String[CHUNK];
            payloads = new String[CHUNK];
            size = 0;
        }

        /**
         * Adds one record, as the source's {@code beforeBronze} step leaves it; a value that does not fit its column
         * becomes a field error ({@code prefix} names the record, e.g. "[3]."). @return true when a chunk is full and
         * {@link #flush} should be called
         */
        public boolean add(String prefix, String raw, T sent) {
            T value = source.beforeBronze().apply(sent);
            if (value != sent) {
                raw = json(value);
            }
            for (int c = 0; c < columns.length; c++) {
                MedallionSource.Column<T> column = source.columns().get(c);
                columns[c][size] = text(column.value().apply(value), shape.columns().get(c), prefix + column.field());
            }
            if (!errors.isEmpty()) {
                return false; // the batch is refused: later records are only checked
            }
            ids[size] = source.idOf().apply(value);
            payloads[size] = raw;
            size++;
            total++;
            return size == CHUNK;
        }

        public UUID batchId() {
            return batchId;
        }

        public String sourceSystem() {
            return sourceSystem;
        }

        public List<FieldError> errors() {
            return errors;
        }

        public int total() {
            return total;
        }

        /**
         * Sends the collected chunk to {@code tx} without waiting for its insert, from a worker thread; once
         * {@link #IN_FLIGHT} chunks are pending it waits (up to {@code wait}) for the oldest. A failed insert surfaces
         * here or in {@link #flush}.
         */
        public void send(SqlConnection tx, Duration wait) {
            while (inFlight.size() >= IN_FLIGHT) {
                Uni.createFrom().completionStage(inFlight.removeFirst()).await().atMost(wait);
            }
            inFlight.addLast(insertChunk(tx).subscribeAsCompletionStage());
        }

        /** Inserts the collected records (if any) in {@code tx}; completes once every chunk sent before is in too. */
        public Uni<Void> flush(SqlConnection tx) {
            Uni<Void> last = insertChunk(tx);
            if (inFlight.isEmpty()) {
                return last;
            }
            CompletableFuture<?>[] pending = inFlight.toArray(CompletableFuture[]::new);
            inFlight.clear();
            return Uni.createFrom().completionStage(CompletableFuture.allOf(pending)).chain(() -> last);
        }

        private Uni<Void> insertChunk(SqlConnection tx) {
            if (size == 0) {
                return Uni.createFrom().voidItem();
            }
            Object[] params = new Object[5 + columns.length];
            params[0] = sourceSystem;
            params[1] = batchId;
            params[2] = eventId;
            params[3] = Arrays.copyOf(ids, size);
            params[4] = Arrays.copyOf(payloads, size);
            for (int c = 0; c < columns.length; c++) {
                params[5 + c] = Arrays.copyOf(columns[c], size);
            }
            reset();
            return tx.preparedQuery(shape.insertSql()).execute(Tuple.from(params)).replaceWithVoid();
        }

        private String text(Object value, ColumnShape column, String field) {
            if (value == null) {
                return null;
            }
            return switch (column.udt()) {
                case "numeric" -> number(value, column, field);
                case "int2", "int4", "int8" -> integer(value, column.udt(), field);
                case "float4", "float8" -> real(value, field);
                case "date", "timestamptz", "timestamp" -> temporal(value, field);
                case "jsonb", "json", "_text" -> json(value);
                default -> value instanceof String s ? s : String.valueOf(value);
            };
        }

        private String number(Object value, ColumnShape column, String field) {
            BigDecimal number = decimal(value, field);
            if (number == null) {
                return null;
            }
            if (column.precision() > 0) {
                int integerDigits = column.precision() - column.scale();
                BigDecimal rounded = number.setScale(column.scale(), RoundingMode.HALF_UP);
                if (rounded.abs().compareTo(BigDecimal.TEN.pow(integerDigits)) >= 0) {
                    errors.add(new FieldError(field, "must be less than 10^" + integerDigits + " in absolute value"
                            + (column.scale() > 0 ? " (" + column.scale() + " decimals are kept)" : "")));
                    return null;
                }
            }
            return number.toPlainString();
        }

        private String integer(Object value, String udt, String field) {
            BigDecimal number = decimal(value, field);
            if (number == null) {
                return null;
            }
            long max = switch (udt) {
                case "int2" -> Short.MAX_VALUE;
                case "int4" -> Integer.MAX_VALUE;
                default -> Long.MAX_VALUE;
            };
            if (number.abs().compareTo(BigDecimal.valueOf(max)) > 0) {
                errors.add(new FieldError(field, "must be at most " + max + " in absolute value"));
                return null;
            }
            return number.toBigInteger().toString();
        }

        private String real(Object value, String field) {
            if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
                errors.add(new FieldError(field, "must be a finite number"));
                return null;
            }
            return String.valueOf(value);
        }

        private BigDecimal decimal(Object value, String field) {
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof BigInteger i) {
                return new BigDecimal(i);
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (!Double.isFinite(d)) {
                    errors.add(new FieldError(field, "must be a finite number"));
                    return null;
                }
                return BigDecimal.valueOf(d);
            }
            if (value instanceof Number n) {
                return BigDecimal.valueOf(n.longValue());
            }
            return new BigDecimal(value.toString());
        }

        private String temporal(Object value, String field) {
            String refusal = acceptedDates.refusal(value);
            if (refusal != null) {
                errors.add(new FieldError(field, refusal));
                return null;
            }
            return value.toString();
        }
    }

    private static String json(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The batch's ledger row, in the same transaction as its bronze rows. */
    public Uni<Void> register(SqlConnection tx, UUID batchId, MedallionSource<?> source, String sourceSystem,
            int records, Caller caller, String idempotencyKey, boolean awaited) {
        return tx.preparedQuery("""
                insert into platform.ingestion_batches (batch_id, source, source_system, records, received_by,
                    received_roles, idempotency_key, awaited)
                values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(new Object[] { batchId, source.name(), sourceSystem, records, caller.name(),
                        caller.roles().toArray(String[]::new), idempotencyKey, awaited }))
                .replaceWithVoid();
    }
}
