package org.retailcx.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Command line entry point.
 *
 * <pre>
 * java -cp embedded-infra/target/classes:$(cat embedded-infra/target/infra.classpath) org.retailcx.infra.InfraMain \
 *      up --data-dir .data [--pg-port 55432] [--kafka-port 59092] [--controller-port 59093] [--databases a,b,c]
 *         [--topics t1,t2] [--issuer URL]
 * ... InfraMain token --data-dir .data --role ROLE[,ROLE2] [--subject NAME] [--rep-id ID] [--ttl-hours 8] [--issuer URL]
 * </pre>
 *
 * {@code up} honours RETAILCX_PG_HOST/PORT/USER/PASSWORD (external PostgreSQL) and RETAILCX_KAFKA_BOOTSTRAP
 * (external Kafka), writes DIR/infra.env and DIR/infra.pid, prints {@code READY} on stdout and blocks until
 * SIGTERM/SIGINT, then stops Kafka and PostgreSQL. Meanwhile a {@link Supervisor} starts again an embedded
 * server whose process died.
 */
public final class InfraMain {

    public static final String READY = "READY";
    static final String ENV_PG_HOST = "RETAILCX_PG_HOST";
    static final String ENV_PG_PORT = "RETAILCX_PG_PORT";
    static final String ENV_PG_USER = "RETAILCX_PG_USER";
    static final String ENV_PG_PASSWORD = "RETAILCX_PG_PASSWORD";
    static final String ENV_KAFKA_BOOTSTRAP = "RETAILCX_KAFKA_BOOTSTRAP";
    static final String ENV_JWT_PUBLIC_KEY_LOCATION = "RETAILCX_JWT_PUBLIC_KEY_LOCATION";
    static final String ENV_JWT_ISSUER = "RETAILCX_JWT_ISSUER";
    /** Extra PostgreSQL settings, {@code name=value;name=value} (e.g. the benchmark's pg_stat_statements). */
    static final String ENV_PG_SETTINGS = "RETAILCX_EMBEDDED_PG_SETTINGS";
    static final String ENV_PII_PSEUDONYM_KEY = "RETAILCX_PII_PSEUDONYM_KEY";

    private static final String USAGE = String.join("\n",
            "usage:",
            "  InfraMain up --data-dir DIR [--pg-port 55432] [--kafka-port 59092] [--controller-port 59093]",
            "               [--databases a,b,c] [--topics t1,t2] [--issuer URL]",
            "  InfraMain token --data-dir DIR --role ROLE[,ROLE2] [--subject NAME] [--rep-id ID] [--ttl-hours 8] [--issuer URL]",
            "env for 'up': RETAILCX_PG_HOST [RETAILCX_PG_PORT RETAILCX_PG_USER RETAILCX_PG_PASSWORD] = external PostgreSQL;",
            "              RETAILCX_KAFKA_BOOTSTRAP = external Kafka");

    private InfraMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT [infra] %4$s %5$s%6$s%n");
        }
        if (args.length == 0 || "-h".equals(args[0]) || "--help".equals(args[0]) || "help".equals(args[0])) {
            System.err.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Map<String, String> opts;
        try {
            opts = parseOptions(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            switch (args[0]) {
                case "up" -> up(opts, System.getenv());
                case "token" -> System.out.println(token(opts));
                default -> {
                    System.err.println("unknown command " + args[0]);
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            if (Boolean.getBoolean("retailcx.debug")) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------ token

    static String token(Map<String, String> opts) {
        Path dataDir = requiredPath(opts, "data-dir");
        String roles = opts.containsKey("role") ? opts.get("role") : opts.get("roles");
        if (roles == null || roles.isBlank()) {
            throw new IllegalArgumentException("--role is required");
        }
        String subject = opts.getOrDefault("subject", "dev-user");
        double hours = Double.parseDouble(opts.getOrDefault("ttl-hours", "8"));
        DevTokens tokens = DevTokens.loadOrCreate(dataDir.resolve("jwt"),
                opts.getOrDefault("issuer", DevTokens.DEFAULT_ISSUER));
        Set<String> roleSet = csv(roles);
        // a rep's or manager's subject is their employee id unless --rep-id says otherwise
        String repId = opts.getOrDefault("rep-id", opts.containsKey("subject")
                && (roleSet.contains("sales-rep") || roleSet.contains("sales-manager")) ? subject : null);
        return tokens.mint(subject, roleSet, Duration.ofSeconds(Math.max(1, (long) (hours * 3600))),
                repId == null ? Map.of() : Map.of(DevTokens.REP_ID_CLAIM, repId));
    }

    // ------------------------------------------------------------------ up

    static void up(Map<String, String> opts, Map<String, String> env) throws Exception {
        Path dataDir = requiredPath(opts, "data-dir");
        int pgPort = intOpt(opts, "pg-port", 55432);
        int kafkaPort = intOpt(opts, "kafka-port", 59092);
        int controllerPort = intOpt(opts, "controller-port", 59093);
        Set<String> databases = csv(opts.getOrDefault("databases", ""));
        databases.forEach(PostgresAdmin::checkName);
        Set<String> topics = csv(opts.getOrDefault("topics", ""));
        String issuer = opts.getOrDefault("issuer", DevTokens.DEFAULT_ISSUER);
        PrintStream out = System.out;

        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("infra.pid");
        checkNotAlreadyRunning(pidFile);
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);

        String externalPg = blankToNull(env.get(ENV_PG_HOST));
        String externalKafka = blankToNull(env.get(ENV_KAFKA_BOOTSTRAP));

        EmbeddedPostgres.Builder pgBuilder = EmbeddedPostgres.builder()
                .dataDirectory(dataDir.resolve("postgres"))
                .port(pgPort)
                .registerShutdownHook(false);
        for (String setting : env.getOrDefault(ENV_PG_SETTINGS, "").split(";")) {
            String[] nameValue = setting.split("=", 2);
            if (nameValue.length == 2 && !nameValue[0].isBlank()) {
                pgBuilder.setting(nameValue[0].trim(), nameValue[1].trim());
            }
        }
        EmbeddedPostgres postgres = externalPg != null ? null : pgBuilder.build();
        EmbeddedKafka kafka = externalKafka != null ? null : EmbeddedKafka.builder()
                .dataDirectory(dataDir.resolve("kafka"))
                .port(kafkaPort)
                .controllerPort(controllerPort)
                .registerShutdownHook(false)
                .build();

        List<EmbeddedServer> supervised = new ArrayList<>();
        if (postgres != null) {
            supervised.add(postgres);
        }
        if (kafka != null) {
            supervised.add(kafka);
        }
        Supervisor supervisor = new Supervisor(supervised);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                supervisor.close();
                if (kafka != null) {
                    log("stopping Kafka");
                    kafka.stop();
                }
                if (postgres != null) {
                    log("stopping PostgreSQL");
                    postgres.stop();
                }
                deleteIfOurs(pidFile);
                log("stopped");
            } finally {
                stopped.countDown();
            }
        }, "infra-shutdown"));

        long t0 = System.nanoTime();
        CompletableFuture<Void> kafkaStart = CompletableFuture.completedFuture(null);
        if (kafka != null) {
            log("starting Kafka on " + kafka.bootstrapServers() + " (data " + kafka.dataDirectory() + ")");
            kafkaStart = CompletableFuture.runAsync(() -> {
                long k0 = System.nanoTime();
                kafka.start();
                log("Kafka ready on " + kafka.bootstrapServers() + " in " + millisSince(k0) + " ms");
            });
        }

        String pgHost;
        int pgPortUsed;
        String pgUser;
        String pgPassword;
        if (postgres != null) {
            log("starting PostgreSQL on 127.0.0.1:" + pgPort + " (data " + postgres.dataDirectory() + ")");
            long p0 = System.nanoTime();
            postgres.start();
            log("PostgreSQL ready on " + postgres.host() + ":" + postgres.port() + " in " + millisSince(p0) + " ms");
            pgHost = postgres.host();
            pgPortUsed = postgres.port();
            pgUser = postgres.username();
            pgPassword = postgres.password();
        } else {
            pgHost = externalPg;
            pgPortUsed = Integer.parseInt(env.getOrDefault(ENV_PG_PORT, "5432"));
            pgUser = env.getOrDefault(ENV_PG_USER, "retailcx");
            pgPassword = env.getOrDefault(ENV_PG_PASSWORD, "retailcx");
            log("using external PostgreSQL " + pgHost + ":" + pgPortUsed + " as " + pgUser);
        }
        createDatabases(pgHost, pgPortUsed, pgUser, pgPassword, databases);

        try {
            kafkaStart.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        String bootstrap = kafka != null ? kafka.bootstrapServers() : externalKafka;
        if (kafka == null) {
            log("using external Kafka " + bootstrap);
            checkKafkaReachable(bootstrap);
        }
        if (!topics.isEmpty()) {
            EmbeddedKafka.createTopics(bootstrap, topics, 3);
            log("topics present: " + topics);
        }

        DevTokens tokens = DevTokens.loadOrCreate(dataDir.resolve("jwt"), issuer);

        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(ENV_PG_HOST, pgHost);
        vars.put(ENV_PG_PORT, Integer.toString(pgPortUsed));
        vars.put(ENV_PG_USER, pgUser);
        vars.put(ENV_PG_PASSWORD, pgPassword);
        vars.put(ENV_KAFKA_BOOTSTRAP, bootstrap);
        vars.put(ENV_JWT_PUBLIC_KEY_LOCATION, tokens.publicKeyPath().toAbsolutePath().toString());
        vars.put(ENV_JWT_ISSUER, tokens.issuer());
        vars.put(ENV_PII_PSEUDONYM_KEY, DevTokens.pseudonymKey(dataDir.resolve("jwt")));
        writeEnvFile(dataDir.resolve("infra.env"), vars);
        log("infrastructure up in " + millisSince(t0) + " ms; wrote " + dataDir.resolve("infra.env"));

        out.println(READY);
        out.flush();
        supervisor.watch(Duration.ofSeconds(1));
        stopped.await();
    }

    private static void createDatabases(String host, int port, String user, String password, Set<String> names)
            throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        SQLException last = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            try (Connection c = PostgresAdmin.connect(host, port, user, password, "postgres")) {
                for (String db : names) {
                    if (PostgresAdmin.createDatabaseIfMissing(c, db)) {
                        log("created database " + db);
                    }
                }
                return;
            } catch (SQLException e) {
                last = e;
                if (e.getSQLState() != null && !e.getSQLState().startsWith("08")) {
                    break; // not a connection problem: don't retry
                }
                ProcessSupport.sleep(500);
            }
        } while (System.nanoTime() < deadline);
        throw new SQLException("Cannot create databases " + names + " on " + host + ":" + port + " as " + user
                + ": " + last.getMessage(), last);
    }

    private static void checkKafkaReachable(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(35, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new InfraException("External Kafka " + bootstrap + " not reachable: " + e.getCause(), e.getCause());
        }
    }

    private static void checkNotAlreadyRunning(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            if (pid != ProcessHandle.current().pid() && ProcessSupport.isAlive(pid)
                    && ProcessSupport.commandLine(pid).contains(InfraMain.class.getName())) {
                throw new InfraException("Infrastructure already running for " + pidFile.getParent() + " (pid " + pid
                        + "); stop it first (kill " + pid + ")");
            }
        } catch (NumberFormatException e) {
            // stale garbage
        }
    }

    private static void deleteIfOurs(Path pidFile) {
        try {
            if (Files.isRegularFile(pidFile)
                    && Files.readString(pidFile).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            // ignore
        }
    }

    static void writeEnvFile(Path file, Map<String, String> vars) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# generated by org.retailcx.infra.InfraMain up at ").append(Instant.now())
                .append(" (pid ").append(ProcessHandle.current().pid()).append("); source it with: . ")
                .append(file).append('\n');
        vars.forEach((k, v) -> sb.append("export ").append(k).append('=').append(shellQuote(v)).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    // ------------------------------------------------------------------ parsing helpers

    static Map<String, String> parseOptions(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                key = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                key = a.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for --" + key);
                }
                value = args[++i];
            }
            opts.put(key, value);
        }
        return opts;
    }

    private static Path requiredPath(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return Path.of(v).toAbsolutePath().normalize();
    }

    private static int intOpt(Map<String, String> opts, String key, int def) {
        String v = opts.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number: " + v);
        }
    }

    static Set<String> csv(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void log(String msg) {
        System.err.println(java.time.LocalTime.now().withNano(0) + " [infra] " + msg);
    }
}
