package org.retailcx.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** Database-level admin helpers that work against the embedded or an external PostgreSQL. */
public final class PostgresAdmin {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private PostgresAdmin() {
    }

    /** JDBC URL for host/port/database. */
    public static String jdbcUrl(String host, int port, String database) {
        checkName(database);
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * Opens a connection with the PostgreSQL driver directly (no DriverManager, so it works under any
     * class loader, e.g. Quarkus test class loaders).
     */
    public static Connection connect(String host, int port, String user, String password, String database)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "60");
        props.setProperty("ApplicationName", "retailcx-embedded-infra");
        Connection c = DRIVER.connect(jdbcUrl(host, port, database), props);
        if (c == null) {
            throw new SQLException("PostgreSQL driver rejected URL " + jdbcUrl(host, port, database));
        }
        return c;
    }

    /** Creates the database unless it exists. Returns true if it was created by this call. */
    public static boolean createDatabaseIfMissing(Connection admin, String name) throws SQLException {
        checkName(name);
        for (int attempt = 1; ; attempt++) {
            if (exists(admin, name)) {
                return false;
            }
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + quote(name));
                return true;
            } catch (SQLException e) {
                String state = e.getSQLState();
                if ("42P04".equals(state)) { // duplicate_database: created concurrently
                    return false;
                }
                // 55006: template1 in use by a concurrent CREATE DATABASE; 23505: catalog race
                if (("55006".equals(state) || "23505".equals(state)) && attempt < 20) {
                    ProcessSupport.sleep(200);
                    continue;
                }
                throw e;
            }
        }
    }

    /** Drops the database (terminating its sessions) if it exists. Returns true if it existed. */
    public static boolean dropDatabaseIfExists(Connection admin, String name) throws SQLException {
        checkName(name);
        boolean existed = exists(admin, name);
        try (Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        }
        return existed;
    }

    static boolean exists(Connection admin, String name) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name '" + name
                    + "': use letters, digits, '_' or '-', starting with a letter or '_' (max 63)");
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
