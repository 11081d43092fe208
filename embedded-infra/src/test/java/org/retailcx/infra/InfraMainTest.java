package org.retailcx.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** Runs `InfraMain up` as a separate process, like ./suite up does, kills its broker, and stops it with SIGTERM. */
class InfraMainTest {

    @Test
    void upWritesEnvPrintsReadyAndStopsCleanlyOnSigterm() throws Exception {
        Path root = TestDirs.create("infra-main-test-");
        Path dataDir = root.resolve("data");
        int pgPort = Ports.freePort();
        int kafkaPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        String classpath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                + Files.readString(Path.of("target/infra.classpath")).trim();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, InfraMain.class.getName(), "up", "--data-dir", dataDir.toString(),
                "--pg-port", Integer.toString(pgPort), "--kafka-port", Integer.toString(kafkaPort),
                "--controller-port", Integer.toString(controllerPort), "--databases", "sales,clv",
                "--topics", "retailcx.events");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(root.resolve("up.err").toFile());
        pb.environment().remove("RETAILCX_PG_HOST");
        pb.environment().remove("RETAILCX_KAFKA_BOOTSTRAP");
        Process up = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertEquals("READY", line, () -> "stderr: " + read(root.resolve("up.err")));

            Map<String, String> env = parseEnv(dataDir.resolve("infra.env"));
            assertEquals("127.0.0.1", env.get("RETAILCX_PG_HOST"));
            assertEquals(Integer.toString(pgPort), env.get("RETAILCX_PG_PORT"));
            assertEquals("retailcx", env.get("RETAILCX_PG_USER"));
            assertEquals("retailcx", env.get("RETAILCX_PG_PASSWORD"));
            assertEquals("127.0.0.1:" + kafkaPort, env.get("RETAILCX_KAFKA_BOOTSTRAP"));
            assertEquals(dataDir.resolve("jwt/dev-jwt-public.pem").toString(), env.get("RETAILCX_JWT_PUBLIC_KEY_LOCATION"));
            assertEquals(Long.toString(up.pid()), Files.readString(dataDir.resolve("infra.pid")).trim());

            try (Connection c = PostgresAdmin.connect("127.0.0.1", pgPort, "retailcx", "retailcx", "clv");
                    ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                rs.next();
                assertEquals("clv", rs.getString(1));
            }
            // kill -9 of the broker: the supervisor reports it and starts it again on the same port and data
            Path brokerPid = dataDir.resolve("kafka/broker.pid");
            long killed = ChildProcess.pidIn(brokerPid);
            assertTrue(ProcessSupport.signal(killed, "KILL"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!read(root.resolve("up.err")).contains("Kafka is running again") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            String afterKill = read(root.resolve("up.err"));
            assertTrue(afterKill.contains("Kafka is down (killed by signal 9 (KILL)); starting it again"), afterKill);
            assertTrue(afterKill.contains("Kafka is running again"), afterKill);
            long restarted = ChildProcess.pidIn(brokerPid);
            assertTrue(restarted != killed && ProcessSupport.isAlive(restarted), "new broker pid " + restarted);
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
            try (Admin client = Admin.create(admin)) {
                assertTrue(client.listTopics().names().get(30, TimeUnit.SECONDS).contains("retailcx.events"),
                        "the restarted broker serves the topics it had");
            }

            List<ProcessHandle> children = up.descendants().toList();
            assertFalse(children.isEmpty());

            up.destroy(); // SIGTERM
            assertTrue(up.waitFor(60, TimeUnit.SECONDS), "up exits after SIGTERM");
            for (ProcessHandle child : children) {
                assertTrue(ProcessSupport.waitForExit(child.pid(), java.time.Duration.ofSeconds(5)),
                        "child " + child.pid() + " " + child.info().command().orElse("?") + " stopped");
            }
            assertFalse(Files.exists(dataDir.resolve("infra.pid")));
            String err = read(root.resolve("up.err"));
            assertTrue(err.indexOf("stopping Kafka") < err.indexOf("stopping PostgreSQL"), err);
        } finally {
            up.destroyForcibly();
            up.waitFor(30, TimeUnit.SECONDS);
            TestDirs.delete(root);
        }
    }

    private static Map<String, String> parseEnv(Path file) throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String l : Files.readAllLines(file)) {
            if (l.startsWith("export ")) {
                String kv = l.substring(7);
                int eq = kv.indexOf('=');
                String v = kv.substring(eq + 1);
                env.put(kv.substring(0, eq), v.substring(1, v.length() - 1));
            }
        }
        return env;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

}
