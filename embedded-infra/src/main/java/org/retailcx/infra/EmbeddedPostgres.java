package org.retailcx.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (binaries from zonky's Maven Central jar) running as a child process.
 *
 * <ul>
 * <li>Listens on {@code host:port} (127.0.0.1 by default) over TCP only (no Unix socket), password
 * (scram-sha-256) authentication for TCP clients.</li>
 * <li>{@code initdb} (UTF8, C locale) runs only when the data directory has no {@code PG_VERSION}, so a
 * restart on the same directory keeps all data.</li>
 * <li>When the JVM runs as root, initdb/postgres run as uid/gid 65534 (nobody/nogroup) through
 * {@code setpriv}; the data directory is chown'ed to that user and all its parent directories must be
 * searchable by it (otherwise start() fails with a clear message; nothing is chmod'ed silently).</li>
 * <li>A shutdown hook and an {@code sh} watchdog (polls the JVM pid every second) make sure the postmaster
 * never outlives the JVM, even when the JVM is SIGKILLed.</li>
 * </ul>
 */
public final class EmbeddedPostgres extends EmbeddedServer {

    private static final System.Logger LOG = System.getLogger(EmbeddedPostgres.class.getName());
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");
    public static final int UNPRIVILEGED_UID = 65534;
    public static final int UNPRIVILEGED_GID = 65534;
    /** Fast shutdown first (aborts transactions), then immediate shutdown, then SIGKILL. */
    private static final List<ChildProcess.StopStep> STOP_LADDER = List.of(
            new ChildProcess.StopStep("INT", Duration.ofSeconds(60)),
            new ChildProcess.StopStep("QUIT", Duration.ofSeconds(10)),
            new ChildProcess.StopStep("KILL", Duration.ofSeconds(10)));

    private final String username;
    private final String password;
    private final boolean fastButUnsafe;
    private final int maxConnections;
    private final int runAsUid;
    private final int runAsGid;
    private final Map<String, String> settings;

    private EmbeddedPostgres(Builder b) {
        super("PostgreSQL", "pg-data-", b);
        this.username = b.username;
        this.password = b.password;
        this.fastButUnsafe = b.fastButUnsafe;
        this.maxConnections = b.maxConnections;
        this.runAsUid = b.runAsUid;
        this.runAsGid = b.runAsGid;
        this.settings = new LinkedHashMap<>(b.settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ accessors

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The server log (postgres stdout/stderr), inside the data directory. */
    public Path logFile() {
        return dataDirectory.resolve("postgres.log");
    }

    /** {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl(String database) {
        return PostgresAdmin.jdbcUrl(host, port, database);
    }

    /** A new connection to the given database as the configured user. */
    public Connection getConnection(String database) throws SQLException {
        return PostgresAdmin.connect(host, port, username, password, database);
    }

    /** Creates the database if it does not exist yet. Returns true if created. */
    public boolean createDatabaseIfMissing(String name) {
        try (Connection c = getConnection("postgres")) {
            return PostgresAdmin.createDatabaseIfMissing(c, name);
        } catch (SQLException e) {
            throw new InfraException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database (forcing its sessions off) if it exists. Returns true if it existed. */
    public boolean dropDatabaseIfExists(String name) {
        try (Connection c = getConnection("postgres")) {
            return PostgresAdmin.dropDatabaseIfExists(c, name);
        } catch (SQLException e) {
            throw new InfraException("Cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Starts the server (initdb on first use) and waits until a JDBC connection succeeds. Idempotent. */
    @Override
    public synchronized EmbeddedPostgres start() {
        super.start();
        return this;
    }

    @Override
    ChildProcess launch() throws IOException {
        Path install = PostgresBinaries.ensureExtracted();
        prepareDataDirectory(install);
        if (!Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
            initdb(install);
        }
        removeStalePostmaster();
        if (Ports.isListening(host, port)) {
            throw new InfraException("Cannot start PostgreSQL: " + host + ":" + port
                    + " is already in use by another process");
        }
        return launch(install);
    }

    // ------------------------------------------------------------------ internals

    private boolean dropPrivileges() {
        return ProcessSupport.isRoot();
    }

    private List<String> runAsPrefix() {
        if (!dropPrivileges()) {
            return List.of();
        }
        Optional<Path> setpriv = ProcessSupport.findExecutable("setpriv");
        if (setpriv.isPresent()) {
            return List.of(setpriv.get().toString(), "--reuid=" + runAsUid, "--regid=" + runAsGid,
                    "--clear-groups", "--");
        }
        Optional<Path> runuser = ProcessSupport.findExecutable("runuser");
        Optional<String> name = userName(runAsUid);
        if (runuser.isPresent() && name.isPresent()) {
            return List.of(runuser.get().toString(), "-u", name.get(), "--");
        }
        throw new InfraException("Running as root: PostgreSQL refuses to run as root and neither setpriv "
                + "nor runuser (util-linux) is available to drop to uid " + runAsUid
                + ". Install util-linux, run as a non-root user, or set RETAILCX_PG_HOST to use an external PostgreSQL.");
    }

    private static Optional<String> userName(int uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].equals(Integer.toString(uid))) {
                    return Optional.of(f[0]);
                }
            }
        } catch (IOException e) {
            // ignore
        }
        return Optional.empty();
    }

    private void prepareDataDirectory(Path install) throws IOException {
        Files.createDirectories(dataDirectory);
        if (dropPrivileges()) {
            Optional<Path> blocked = ProcessSupport.firstNonTraversable(dataDirectory.getParent(), runAsUid, runAsGid);
            if (blocked.isPresent()) {
                throw new InfraException("PostgreSQL must run as uid " + runAsUid + " because this JVM runs as root, "
                        + "but that user cannot enter " + blocked.get() + " (a parent of the data directory "
                        + dataDirectory + "; mode " + modeOf(blocked.get()) + "). "
                        + "Use a data directory whose parents are world-searchable (e.g. inside the project "
                        + "checkout or under /tmp), grant search permission yourself (chmod o+x " + blocked.get()
                        + "), or point RETAILCX_PG_HOST at an external PostgreSQL. Nothing was changed.");
            }
            Optional<Path> blockedInstall = ProcessSupport.firstNonTraversable(install, runAsUid, runAsGid);
            if (blockedInstall.isPresent()) {
                throw new InfraException("uid " + runAsUid + " cannot enter " + blockedInstall.get()
                        + " (PostgreSQL binaries cache under java.io.tmpdir=" + System.getProperty("java.io.tmpdir")
                        + "). Use a world-searchable java.io.tmpdir.");
            }
            if (ProcessSupport.ownerUid(dataDirectory) != runAsUid) {
                try (var walk = Files.walk(dataDirectory)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        ProcessSupport.chown(p, runAsUid, runAsGid);
                    }
                }
            }
        }
        ProcessSupport.setPermissions(dataDirectory, "rwx------");
    }

    private static String modeOf(Path p) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                    + " owner uid " + ProcessSupport.ownerUid(p);
        } catch (IOException e) {
            return "?";
        }
    }

    private void initdb(Path install) throws IOException {
        try (var entries = Files.list(dataDirectory)) {
            if (entries.findAny().isPresent()) {
                throw new InfraException("PostgreSQL data directory " + dataDirectory
                        + " is not empty but has no PG_VERSION (not a cluster, or a failed initdb). "
                        + "Empty or delete it and start again.");
            }
        }
        long t0 = System.nanoTime();
        Path pwFile = Files.createTempFile(ProcessSupport.sharedTempBase(), "pgpw-", ".txt");
        try {
            ProcessSupport.setPermissions(pwFile, "rw-------");
            Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
            if (dropPrivileges()) {
                ProcessSupport.chown(pwFile, runAsUid, runAsGid);
            }
            List<String> cmd = new ArrayList<>(runAsPrefix());
            cmd.addAll(List.of(install.resolve("bin/initdb").toString(),
                    "-D", dataDirectory.toString(),
                    "-U", username,
                    "--pwfile=" + pwFile,
                    "-E", "UTF8",
                    "--locale=C",
                    "--auth-host=scram-sha-256",
                    "--auth-local=trust",
                    "--no-instructions"));
            if (fastButUnsafe) {
                cmd.add("--no-sync");
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(install.toFile()).redirectErrorStream(true)
                    .redirectInput(new File("/dev/null"));
            cleanEnvironment(pb.environment());
            Process p = pb.start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!ProcessSupport.waitFor(p, Duration.ofMinutes(3)) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new InfraException("initdb failed for " + dataDirectory + " (command " + cmd + "):\n" + output);
            }
        } finally {
            Files.deleteIfExists(pwFile);
        }
        LOG.log(Level.INFO, "initdb of {0} took {1} ms", dataDirectory, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A postmaster.pid left behind by a killed run: stop that postmaster if it still runs, else delete. */
    private void removeStalePostmaster() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = ChildProcess.pidIn(pidFile);
        if (pid > 0 && ProcessSupport.isAlive(pid) && isPostmasterOf(pid)) {
            LOG.log(Level.WARNING, "A previous PostgreSQL (pid {0}) still runs on {1}; stopping it", Long.toString(pid), dataDirectory);
            ChildProcess.stopLeftover(name(), pid, STOP_LADDER);
        } else {
            LOG.log(Level.INFO, "Removing stale {0} (pid {1} is not a running postmaster of this directory)",
                    pidFile, Long.toString(pid));
        }
        Files.deleteIfExists(pidFile);
    }

    private boolean isPostmasterOf(long pid) {
        String cmdline = ProcessSupport.commandLine(pid);
        if (!cmdline.contains("postgres")) {
            return false;
        }
        try {
            Path real = dataDirectory.toRealPath();
            Optional<Path> cwd = ProcessSupport.workingDirectory(pid);
            return (cwd.isPresent() && cwd.get().equals(real)) || cmdline.contains(dataDirectory.toString());
        } catch (IOException e) {
            return cmdline.contains(dataDirectory.toString());
        }
    }

    private ChildProcess launch(Path install) throws IOException {
        Path log = logFile();
        ProcessSupport.rotateIfLarge(log, 20L * 1024 * 1024);
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
        if (dropPrivileges()) {
            ProcessSupport.chown(log, runAsUid, runAsGid);
        }
        Files.writeString(log, "---- " + java.time.Instant.now() + " starting PostgreSQL on " + host + ":" + port + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("listen_addresses", host);
        conf.put("unix_socket_directories", "");
        conf.put("max_connections", Integer.toString(maxConnections));
        conf.put("logging_collector", "off");
        conf.put("log_destination", "stderr");
        if (fastButUnsafe) {
            conf.put("fsync", "off");
            conf.put("synchronous_commit", "off");
            conf.put("full_page_writes", "off");
        }
        conf.putAll(settings);

        List<String> cmd = new ArrayList<>(runAsPrefix());
        cmd.add(install.resolve("bin/postgres").toString());
        cmd.add("-D");
        cmd.add(dataDirectory.toString());
        cmd.add("-p");
        cmd.add(Integer.toString(port));
        conf.forEach((k, v) -> {
            cmd.add("-c");
            cmd.add(k + "=" + v);
        });
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(install.toFile());
        cleanEnvironment(pb.environment());
        return ChildProcess.start(name(), pb, log, STOP_LADDER, null, registerShutdownHook);
    }

    private static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("LC_"));
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
    }

    @Override
    void awaitReady(ChildProcess postmaster) {
        postmaster.awaitReady(startupTimeout, () -> {
            try (Connection c = getConnection("postgres")) {
                return c.isValid(5);
            }
        }, () -> "(port " + port + ", data " + dataDirectory + "). Last lines of " + logFile() + ":\n"
                + ProcessSupport.tail(logFile(), 30));
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + host + ":" + port + ", data=" + dataDirectory + ", running=" + isRunning() + "]";
    }

    // ------------------------------------------------------------------ builder

    public static final class Builder extends EmbeddedServer.Builder<Builder> {
        private String username = "retailcx";
        private String password = "retailcx";
        private boolean fastButUnsafe;
        private int maxConnections = 300;
        private int runAsUid = UNPRIVILEGED_UID;
        private int runAsGid = UNPRIVILEGED_GID;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
            super(Duration.ofSeconds(60));
        }

        @Override
        Builder self() {
            return this;
        }

        /** Superuser name created by initdb. Default {@code retailcx}. */
        public Builder username(String username) {
            this.username = Objects.requireNonNull(username);
            return this;
        }

        /** Superuser password (applies at initdb time only). Default {@code retailcx}. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password);
            return this;
        }

        /** fsync=off, synchronous_commit=off, full_page_writes=off, initdb --no-sync: for tests only. */
        public Builder fastButUnsafe(boolean fast) {
            this.fastButUnsafe = fast;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** uid/gid used for initdb/postgres when this JVM is root. Default 65534/65534 (nobody/nogroup). */
        public Builder runAsWhenRoot(int uid, int gid) {
            if (uid == 0) {
                throw new IllegalArgumentException("PostgreSQL cannot run as uid 0");
            }
            this.runAsUid = uid;
            this.runAsGid = gid;
            return this;
        }

        /** Any extra server setting, passed as {@code -c name=value} (overrides the defaults above). */
        public Builder setting(String name, String value) {
            if (!SETTING_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("bad setting name " + name);
            }
            settings.put(name, Objects.requireNonNull(value));
            return this;
        }

        public EmbeddedPostgres build() {
            return new EmbeddedPostgres(this);
        }

        /** build().start() */
        public EmbeddedPostgres start() {
            return build().start();
        }
    }
}
