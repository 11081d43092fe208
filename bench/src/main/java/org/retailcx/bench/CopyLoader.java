package org.retailcx.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.retailcx.synthetic.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads records with PostgreSQL's own COPY into {@code bench.<table>}, an empty copy of the bronze table
 * ({@code like bronze.<table> including all}): the same rows, typed columns and JSON payload the API writes,
 * without HTTP, validation or the silver/gold listeners. The baseline the API's rows/s is read against.
 */
final class CopyLoader {

    private static final int ROWS_PER_BATCH_ID = 5_000;

    private final Connection connection;

    CopyLoader(Connection connection) {
        this.connection = connection;
    }

    /**
     * Rows/s of one COPY of {@code records} into a fresh {@code bench.<table>}. The CSV is rendered to a temporary
     * file first and not timed: the figure is PostgreSQL's, not the client's.
     */
    SourceTiming copy(String source, String bronzeTable, String idField, List<?> records)
            throws SQLException, IOException {
        String table = bronzeTable.substring(bronzeTable.indexOf('.') + 1);
        try (Statement s = connection.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("drop table if exists bench." + table);
            s.execute("create table bench." + table + " (like " + bronzeTable + " including all)");
        }
        connection.commit();
        List<String> columns = columns(table);
        Path csv = Files.createTempFile("bench-" + table, ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder(1024);
                UUID batch = null;
                for (int i = 0; i < records.size(); i++) {
                    if (i % ROWS_PER_BATCH_ID == 0) {
                        batch = UUID.randomUUID();
                    }
                    JsonNode node = ApiClient.JSON.valueToTree(records.get(i));
                    line.setLength(0);
                    for (int c = 0; c < columns.size(); c++) {
                        if (c > 0) {
                            line.append(',');
                        }
                        appendValue(line, columns.get(c), node, idField, batch);
                    }
                    out.append(line).append('\n');
                }
            }
            CopyManager copy = connection.unwrap(BaseConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
                copy.copyIn("copy bench." + table + " (" + String.join(", ", columns) + ") from stdin (format csv)", in);
            }
            connection.commit();
            return new SourceTiming(source, records.size(), (System.nanoTime() - t0) / 1_000_000);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Columns the loader fills: all but the generated key and the received-at default. */
    private List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = 'bronze' and table_name = ? order by ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String c = rs.getString(1);
                    if (!c.equals("bronze_id") && !c.equals("received_at")) {
                        columns.add(c);
                    }
                }
            }
        }
        return columns;
    }

    private static void appendValue(StringBuilder csv, String column, JsonNode node, String idField, UUID batch) {
        switch (column) {
            case "source_system" -> csv.append("bench-copy");
            case "source_record_id" -> quoted(csv, node.get(idField).asText());
            case "batch_id" -> csv.append(batch);
            case "payload" -> quoted(csv, node.toString());
            default -> {
                JsonNode v = node.get(column.equals("crm_updated_at") ? "updatedAt" : camel(column));
                if (v == null || v.isNull()) {
                    return;
                }
                if (v.isArray()) {
                    StringBuilder array = new StringBuilder("{");
                    for (Iterator<JsonNode> it = v.elements(); it.hasNext();) {
                        array.append('"').append(it.next().asText().replace("\\", "\\\\").replace("\"", "\\\""))
                                .append('"').append(it.hasNext() ? "," : "");
                    }
                    quoted(csv, array.append('}').toString());
                } else if (v.isObject()) {
                    quoted(csv, v.toString());
                } else {
                    quoted(csv, v.asText());
                }
            }
        }
    }

    private static void quoted(StringBuilder csv, String value) {
        csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Bronze table and id field of each source, as sales-service's SalesSources declares them. */
    static final Map<String, String[]> TABLES = Map.of(
            "territories", new String[] { "bronze.retail_sales_territories", "territoryId" },
            "reps", new String[] { "bronze.retail_sales_reps", "repId" },
            "leads", new String[] { "bronze.retail_sales_leads", "leadId" },
            "opportunities", new String[] { "bronze.retail_sales_opportunities", "opportunityId" },
            "activities", new String[] { "bronze.retail_sales_activities", "activityId" },
            "quotes", new String[] { "bronze.retail_sales_quotes", "quoteId" },
            "referrals", new String[] { "bronze.retail_sales_referrals", "referralId" },
            "costs", new String[] { "bronze.retail_sales_costs", "costId" },
            "commissions", new String[] { "bronze.retail_sales_commissions", "commissionId" });
}
