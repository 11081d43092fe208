package org.retailcx.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {

    private static Path root;

    @BeforeAll
    static void setUp() throws Exception {
        root = TestDirs.create("pg-test-");
    }

    @AfterAll
    static void tearDown() {
        TestDirs.delete(root);
    }

    @Test
    void dataSurvivesStopStartAndANewInstanceOnTheSameDirectory() throws Exception {
        Path data = root.resolve("data");
        int port = Ports.freePort();
        long t0 = System.nanoTime();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDirectory(data).port(port).fastButUnsafe(true).start()) {
            System.out.printf("PostgreSQL first start (initdb + start): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertTrue(pg.isRunning());
            assertEquals("127.0.0.1", pg.host());
            assertEquals(port, pg.port());
            assertEquals("retailcx", pg.username());
            assertEquals("retailcx", pg.password());
            assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/shop", pg.jdbcUrl("shop"));

            assertTrue(pg.createDatabaseIfMissing("shop"));
            assertFalse(pg.createDatabaseIfMissing("shop"), "second create is a no-op");
            try (Connection c = pg.getConnection("shop"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE orders (id int primary key, item text)");
                st.execute("INSERT INTO orders VALUES (1, 'café ☕')");
                try (ResultSet rs = st.executeQuery("SHOW server_encoding")) {
                    rs.next();
                    assertEquals("UTF8", rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SHOW max_connections")) {
                    rs.next();
                    assertEquals("300", rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SHOW fsync")) {
                    rs.next();
                    assertEquals("off", rs.getString(1));
                }
            }

            pg.stop();
            assertFalse(pg.isRunning());
            t0 = System.nanoTime();
            pg.start();
            System.out.printf("PostgreSQL restart: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertEquals("café ☕", item(pg));

            // a throw-away database can be dropped
            assertTrue(pg.createDatabaseIfMissing("scratch"));
            assertTrue(pg.dropDatabaseIfExists("scratch"));
            assertFalse(pg.dropDatabaseIfExists("scratch"));
        }
        assertTrue(Files.isRegularFile(data.resolve("PG_VERSION")), "explicit data dir is kept by close()");

        // like `./suite up` after a restart: a new instance on the same directory, no initdb
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDirectory(data).port(port).fastButUnsafe(true).start()) {
            assertEquals("café ☕", item(pg));
        }
    }

    @Test
    void staleLockFileOfAKilledRunIsIgnored() throws Exception {
        Path data = root.resolve("stale");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDirectory(data).fastButUnsafe(true).start()) {
            pg.stop();
            // a postmaster.pid whose pid is alive but is not a postmaster (pid reuse): this JVM
            Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
            pg.start();
            assertTrue(pg.isRunning());
        }
    }

    @Test
    void temporaryDataDirectoryIsDeletedOnClose() {
        Path data;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().fastButUnsafe(true).start()) {
            data = pg.dataDirectory();
            assertTrue(pg.createDatabaseIfMissing("tmpdb"));
        }
        assertFalse(Files.exists(data));
    }

    @Test
    void rootRefusesDataDirectoryBehindNonSearchableParent() throws Exception {
        Assumptions.assumeTrue(ProcessSupport.isRoot(), "only relevant when running as root");
        Path closed = root.resolve("closed");
        Files.createDirectories(closed);
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDirectory(closed.resolve("pg")).build()) {
            InfraException e = assertThrows(InfraException.class, pg::start);
            assertTrue(e.getMessage().contains("cannot enter " + closed), e.getMessage());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(closed)),
                    "nothing chmod'ed");
        }
    }

    private static String item(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.getConnection("shop"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT item FROM orders WHERE id = 1")) {
            assertTrue(rs.next(), "row survived");
            return rs.getString(1);
        }
    }
}
