package org.retailcx.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.retailcx.infra.DevTokens;
import org.retailcx.infra.EmbeddedKafka;
import org.retailcx.infra.EmbeddedPostgres;
import org.retailcx.infra.Ports;
import org.retailcx.infra.PostgresAdmin;

/**
 * The real PostgreSQL and Kafka that tests run against, once per test JVM. When the environment names external
 * ones ({@code RETAILCX_PG_HOST}, {@code RETAILCX_KAFKA_BOOTSTRAP}) they are reused; otherwise embedded ones are
 * started in a temporary folder and stopped when the JVM exits. Every application start gets a fresh database and
 * a fresh topic prefix, so runs never see each other's data.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final String runId = Long.toString(System.currentTimeMillis(), 36) + ProcessHandle.current().pid();
    private final AtomicInteger starts = new AtomicInteger();
    private final String pgHost;
    private final int pgPort;
    private final String pgUser;
    private final String pgPassword;
    private final String kafkaBootstrap;
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;
    private final DevTokens tokens = DevTokens.inMemory();
    private Path publicKeyFile;

    private TestInfrastructure() {
        Path dir = null;
        String externalPg = System.getenv("RETAILCX_PG_HOST");
        String externalKafka = System.getenv("RETAILCX_KAFKA_BOOTSTRAP");
        if (externalPg == null || externalKafka == null) {
            dir = temporaryDirectory();
        }
        if (externalPg != null) {
            pgHost = externalPg;
            pgPort = Integer.parseInt(env("RETAILCX_PG_PORT", "5432"));
            pgUser = env("RETAILCX_PG_USER", "retailcx");
            pgPassword = env("RETAILCX_PG_PASSWORD", "retailcx");
            postgres = null;
        } else {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDirectory(dir.resolve("postgres"))
                    .port(Ports.freePort()).fastButUnsafe(true).build().start();
            pgHost = pg.host();
            pgPort = pg.port();
            pgUser = pg.username();
            pgPassword = pg.password();
            postgres = pg;
        }
        if (externalKafka != null) {
            kafkaBootstrap = externalKafka;
            kafka = null;
        } else {
            kafka = EmbeddedKafka.builder().dataDirectory(dir.resolve("kafka")).port(Ports.freePort())
                    .controllerPort(Ports.freePort()).build().start();
            kafkaBootstrap = kafka.bootstrapServers();
        }
        if (dir != null) {
            Path toDelete = dir;
            // Registered after the servers' own hooks, but hooks run concurrently: delete only what they left.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(toDelete, kafka)));
        }
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure();
        }
        return instance;
    }

    /** A new, empty database for one application start. */
    public String createFreshDatabase() {
        String name = "t_" + runId + "_" + starts.incrementAndGet();
        try (Connection admin = adminConnection()) {
            PostgresAdmin.createDatabaseIfMissing(admin, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }

    /** A topic prefix no earlier run used, so a reused external broker holds nothing of this run's topics. */
    public String freshTopicPrefix() {
        return "t" + runId + "-" + starts.get() + ".";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(PostgresAdmin.jdbcUrl(pgHost, pgPort, database), pgUser, pgPassword);
    }

    private Connection adminConnection() throws SQLException {
        return connect("postgres");
    }

    public String pgHost() {
        return pgHost;
    }

    public int pgPort() {
        return pgPort;
    }

    public String pgUser() {
        return pgUser;
    }

    public String pgPassword() {
        return pgPassword;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public DevTokens tokens() {
        return tokens;
    }

    /** The test tokens' public key as a PEM file, for {@code mp.jwt.verify.publickey.location}. */
    public synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = tokens.writePublicKey(Files.createTempFile("retailcx-test-jwt-", ".pem"));
                publicKeyFile.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** Whether this JVM owns the broker, so that a test may stop and restart it. */
    public boolean kafkaIsEmbedded() {
        return kafka != null;
    }

    /** Takes the broker down (an outage); only for an embedded broker. */
    public void stopKafka() {
        requireEmbeddedKafka().stop();
    }

    /** Brings the broker back on the same port with the same data. */
    public void startKafka() {
        requireEmbeddedKafka().start();
    }

    /**
     * Freezes PostgreSQL (SIGSTOP to the postmaster and every backend): connections stay open and nothing answers,
     * as with a hung host. Only for the embedded server; {@link #thawPostgres()} resumes it.
     */
    public void freezePostgres() {
        signalTree(requireEmbeddedPostgres().pid(), "STOP");
    }

    public void thawPostgres() {
        signalTree(requireEmbeddedPostgres().pid(), "CONT");
    }

    /** Freezes the broker JVM (SIGSTOP); {@link #thawKafka()} resumes it. Only for the embedded broker. */
    public void freezeKafka() {
        signalTree(requireEmbeddedKafka().pid(), "STOP");
    }

    public void thawKafka() {
        signalTree(requireEmbeddedKafka().pid(), "CONT");
    }

    /** Whether this JVM owns both servers, so that a test may freeze them. */
    public boolean infrastructureIsEmbedded() {
        return postgres != null && kafka != null;
    }

    private EmbeddedPostgres requireEmbeddedPostgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is external; this test needs the embedded one");
        }
        return postgres;
    }

    private static void signalTree(long pid, String signal) {
        if (pid <= 0) {
            throw new IllegalStateException("the server is not running");
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal,
                Long.toString(pid)));
        ProcessHandle.of(pid).ifPresent(root -> root.descendants()
                .forEach(child -> command.add(Long.toString(child.pid()))));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("could not send SIG" + signal + " to " + command.subList(2,
                        command.size()) + ": " + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private EmbeddedKafka requireEmbeddedKafka() {
        if (kafka == null) {
            throw new IllegalStateException("the broker is external; this test needs the embedded one");
        }
        return kafka;
    }

    private static Path temporaryDirectory() {
        try {
            // Readable by the unprivileged user PostgreSQL runs as when tests run as root.
            return Files.createTempDirectory("retailcx-test-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteQuietly(Path dir, EmbeddedKafka kafka) {
        if (kafka != null) {
            kafka.close();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
