package org.retailcx.platform.medallion;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.retailcx.platform.security.PersonalData;

/**
 * One feed a service ingests, declared once: the record type its API accepts, the bronze table it lands in, how the
 * record's fields map to the table's typed columns, its data-quality rules and who may write and read it. From this
 * declaration the platform serves {@code PUT /api/v1/<domain>/<path>/{id}}, {@code POST …/<path>/batch} and
 * {@code GET …/<path>/{id}/history} (each only to roles the source allows, none of the writes for an
 * {@link #internal} source), appends to bronze, quarantines and promotes. The ingestion metadata columns
 * (source_system, source_record_id, batch_id, received_at, payload, and event_id where the table has one) are the
 * same for every source and are not listed.
 *
 * @param name the source's name in quarantine entries, batch receipts and idempotency scopes ("opportunities")
 * @param path the URL segment(s) under {@code /api/v1/<domain>/}, usually the name ("commissions/reported")
 * @param idField the record field holding the source's external id (named in 400 responses)
 * @param customerColumn the bronze column holding the customer id, recorded with quarantine entries (or null)
 * @param owner who owns a record, for callers limited to their own book (a sales rep); null: such callers may
 *        neither write nor read its history
 * @param personalData the record's personal fields and their kind, masked in its history per the caller's role
 * @param consentField the record's boolean field saying the person consented to be contacted (or null)
 * @param beforeBronze applied to every record before anything of it is stored (e.g. redacting personal data from
 *        free text); when it changes the record, bronze's payload is the changed record, not the body as sent
 * @param internal records the service produces itself (a served list, an issued action), appended only through
 *        {@link InternalAppend}: no PUT or batch endpoint, and no consumed event lands in it
 */
public record MedallionSource<T>(String name, String path, String table, Class<T> recordType, String idField,
        Function<T, String> idOf, List<Column<T>> columns, List<DataQualityRule> rules, Access access,
        String defaultSourceSystem, String customerColumn, Owner<T> owner, Map<String, PersonalData.Kind> personalData,
        String consentField, UnaryOperator<T> beforeBronze, boolean internal) {

    public MedallionSource {
        columns = List.copyOf(columns);
        rules = List.copyOf(rules);
        beforeBronze = beforeBronze == null ? UnaryOperator.identity() : beforeBronze;
        personalData = Map.copyOf(personalData);
    }

    /**
     * A record's owner (an employee id): either its own column ({@link #column}) or, when {@code parent} is set, the
     * owner of the parent source's record that the column references (a quote belongs to its opportunity's owner).
     * An existing record's owner is read from its newest bronze version.
     *
     * @param field the record field named in a 403 when a caller writes outside their book
     */
    public record Owner<T>(String column, String field, Function<T, String> value, MedallionSource<?> parent) {

        /** The owner is the record's own field. */
        public static <T> Owner<T> field(String column, String field, Function<T, String> value) {
            return new Owner<>(column, field, value, null);
        }

        /** The owner is the owner of the {@code parent} record this record's {@code column} references. */
        public static <T> Owner<T> through(MedallionSource<?> parent, String column, String field,
                Function<T, String> value) {
            if (parent.owner() == null || parent.owner().parent() != null) {
                throw new IllegalArgumentException("parent " + parent.name() + " must own its records by a field");
            }
            return new Owner<>(column, field, value, parent);
        }

        /** SQL for the owner of bronze row {@code b} of this source. */
        String ownerOf(String alias) {
            if (parent == null) {
                return alias + "." + column;
            }
            return "(select p." + parent.owner().column() + " from " + parent.table() + " p where p.source_record_id = "
                    + alias + "." + column + " order by p.bronze_id desc limit 1)";
        }
    }

    /**
     * A typed bronze column. Its SQL type is read from the table itself; {@code field} is the record field it comes
     * from, named when a value does not fit the column.
     */
    public record Column<T>(String name, String field, Function<T, Object> value) {

        /** A column whose field is the column name in camelCase ({@code expected_close_date → expectedCloseDate}). */
        public static <T> Column<T> of(String name, Function<T, Object> value) {
            return new Column<>(name, camelCase(name), value);
        }

        public static <T> Column<T> of(String name, String field, Function<T, Object> value) {
            return new Column<>(name, field, value);
        }

        static String camelCase(String snake) {
            StringBuilder out = new StringBuilder(snake.length());
            boolean upper = false;
            for (char c : snake.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    out.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return out.toString();
        }
    }

    /** Roles allowed per generated endpoint; an endpoint no role may call is not served. */
    public record Access(Set<String> upsert, Set<String> batch, Set<String> history) {

        public static Access of(Set<String> upsert, Set<String> batch, Set<String> history) {
            return new Access(Set.copyOf(upsert), Set.copyOf(batch), Set.copyOf(history));
        }
    }

    /** A builder, so that declarations read as a list of what matters. */
    public static <T> Builder<T> of(String name, Class<T> recordType) {
        return new Builder<>(name, recordType);
    }

    public static final class Builder<T> {
        private final String name;
        private final Class<T> recordType;
        private String path;
        private String table;
        private String idField;
        private Function<T, String> idOf;
        private List<Column<T>> columns = List.of();
        private List<DataQualityRule> rules = List.of();
        private Access access;
        private String defaultSourceSystem = "api";
        private String customerColumn;
        private UnaryOperator<T> beforeBronze;
        private Owner<T> owner;
        private Map<String, PersonalData.Kind> personalData = Map.of();
        private String consentField;
        private Set<String> internalHistoryRoles;

        private Builder(String name, Class<T> recordType) {
            this.name = name;
            this.recordType = recordType;
            this.path = name;
        }

        public Builder<T> path(String path) {
            this.path = path;
            return this;
        }

        public Builder<T> table(String table) {
            this.table = table;
            return this;
        }

        public Builder<T> id(String idField, Function<T, String> idOf) {
            this.idField = idField;
            this.idOf = idOf;
            return this;
        }

        @SafeVarargs
        public final Builder<T> columns(Column<T>... columns) {
            this.columns = List.of(columns);
            return this;
        }

        public Builder<T> rules(List<DataQualityRule> rules) {
            this.rules = rules;
            return this;
        }

        public Builder<T> access(Access access) {
            this.access = access;
            return this;
        }

        public Builder<T> defaultSourceSystem(String defaultSourceSystem) {
            this.defaultSourceSystem = defaultSourceSystem;
            return this;
        }

        public Builder<T> customerColumn(String customerColumn) {
            this.customerColumn = customerColumn;
            return this;
        }

        public Builder<T> beforeBronze(UnaryOperator<T> beforeBronze) {
            this.beforeBronze = beforeBronze;
            return this;
        }

        public Builder<T> owner(Owner<T> owner) {
            this.owner = owner;
            return this;
        }

        /** The record's personal fields; {@code consentField} is its contact-consent flag (or null). */
        public Builder<T> personalData(Map<String, PersonalData.Kind> fields, String consentField) {
            this.personalData = fields;
            this.consentField = consentField;
            return this;
        }

        /**
         * Records the service produces itself, appended through {@link InternalAppend} in the transaction that
         * produces them: clients do not write them, so there is no PUT or batch endpoint; {@code historyRoles} may
         * read a record's versions (none: no history endpoint either). Instead of {@link #access(Access)}.
         */
        public Builder<T> internal(Set<String> historyRoles) {
            this.internalHistoryRoles = historyRoles;
            return this;
        }

        public MedallionSource<T> build() {
            boolean internal = internalHistoryRoles != null;
            if (internal && access != null) {
                throw new IllegalStateException("internal source " + name + " is not written over HTTP: no access");
            }
            Access access = internal ? Access.of(Set.of(), Set.of(), internalHistoryRoles) : this.access;
            if (table == null || idOf == null || access == null || columns.isEmpty()) {
                throw new IllegalStateException("source " + name + " needs a table, an id, columns and access");
            }
            return new MedallionSource<>(name, path, table, recordType, idField, idOf, columns, rules, access,
                    defaultSourceSystem, customerColumn, owner, personalData, consentField, beforeBronze, internal);
        }
    }
}
