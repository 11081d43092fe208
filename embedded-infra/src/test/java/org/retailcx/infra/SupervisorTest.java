package org.retailcx.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** SIGKILL of a supervised postmaster: it is reported dead, and started again with its data. */
class SupervisorTest {

    @Test
    void aKilledPostmasterIsReportedDeadAndStartedAgainWithItsData() throws Exception {
        Path root = TestDirs.create("supervisor-test-");
        // durable commits (not fastButUnsafe): with synchronous_commit=off a SIGKILL may lose the last commits
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDirectory(root.resolve("pg")).start();
                Supervisor supervisor = new Supervisor(List.of(pg))) {
            try (Connection c = pg.getConnection("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE survivor (id int PRIMARY KEY)");
                st.execute("INSERT INTO survivor VALUES (7)");
            }
            assertEquals(List.of(), supervisor.restartDead(), "nothing to do while it runs");

            long killed = pg.pid();
            assertTrue(ProcessSupport.signal(killed, "KILL"));
            awaitNotRunning(pg);
            assertEquals("killed by signal 9 (KILL)", pg.exitStatus());

            // another process took the port meanwhile: the start fails, and is not tried again before the pause
            try (ServerSocket squatter = new ServerSocket(pg.port(), 1, InetAddress.getByName(pg.host()))) {
                assertEquals(List.of(), supervisor.restartDead());
                assertFalse(pg.isRunning());
            }
            assertEquals(List.of(), supervisor.restartDead(), "no second attempt within the pause after a failure");
            assertFalse(pg.isRunning());

            // the watcher tries again after the pause, and the data is still there
            supervisor.watch(Duration.ofMillis(100));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!pg.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(pg.isRunning(), "started again: " + pg.exitStatus());
            assertNotEquals(killed, pg.pid());
            try (Connection c = pg.getConnection("postgres"); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id FROM survivor")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
        } finally {
            TestDirs.delete(root);
        }
    }

    @Test
    void thePauseAfterFailedStartsDoublesUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(1), Supervisor.pauseAfter(1));
        assertEquals(Duration.ofSeconds(2), Supervisor.pauseAfter(2));
        assertEquals(Duration.ofSeconds(16), Supervisor.pauseAfter(5));
        assertEquals(Supervisor.MAX_PAUSE, Supervisor.pauseAfter(6));
        assertEquals(Supervisor.MAX_PAUSE, Supervisor.pauseAfter(40));
    }

    private static void awaitNotRunning(EmbeddedPostgres pg) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pg.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(pg.isRunning(), "a killed postmaster is reported as not running");
    }
}
