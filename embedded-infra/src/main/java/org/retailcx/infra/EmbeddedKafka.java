package org.retailcx.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node KRaft Kafka broker (combined broker+controller) from the {@code kafka_2.13} jars of
 * Maven Central, running in a separate JVM.
 *
 * <p>The broker's classpath comes from {@code org/retailcx/infra/kafka-broker.classpath} (written by the
 * build; kafka_2.13 is a <em>provided</em> dependency so it never leaks onto the classpath of modules that
 * depend on embedded-infra) plus {@code infra-runtime.classpath} (kafka-clients & co.). The child JVM runs
 * {@link KafkaBrokerMain}; like the postmaster it is a {@link ChildProcess}, stopped when this JVM goes away.
 *
 * <p>Data directory layout: {@code server.properties}, {@code log4j2.xml}, {@code kafka.log} (broker
 * stdout/stderr, INFO), {@code broker.pid}, {@code cluster.id}, {@code kraft-data/} (log.dirs).
 */
public final class EmbeddedKafka extends EmbeddedServer {

    private static final System.Logger LOG = System.getLogger(EmbeddedKafka.class.getName());
    static final String BROKER_CLASSPATH_RESOURCE = "org/retailcx/infra/kafka-broker.classpath";
    static final String RUNTIME_CLASSPATH_RESOURCE = "org/retailcx/infra/infra-runtime.classpath";
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms128m", "-Xmx512m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
            "-Djava.awt.headless=true", "-Dlog4j2.disableJmx=true");
    /** Kafka's graceful shutdown (controlled shutdown, logs flushed), then SIGKILL. */
    private static final List<ChildProcess.StopStep> STOP_LADDER = List.of(
            new ChildProcess.StopStep("TERM", Duration.ofSeconds(60)),
            new ChildProcess.StopStep("KILL", Duration.ofSeconds(10)));

    private final int controllerPort;
    private final int partitions;
    private final List<String> jvmOptions;
    private final Map<String, String> brokerProperties;

    private EmbeddedKafka(Builder b) {
        super("Kafka", "kafka-data-", b);
        int cp = b.controllerPort > 0 ? b.controllerPort : Ports.freePort();
        while (cp == port) {
            cp = Ports.freePort();
        }
        this.controllerPort = cp;
        this.partitions = b.partitions;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.brokerProperties = new LinkedHashMap<>(b.brokerProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ accessors

    /** {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** Broker stdout/stderr (log4j2 at INFO). */
    public Path logFile() {
        return dataDirectory.resolve("kafka.log");
    }

    /** Properties for an AdminClient/producer/consumer pointing at this broker. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return p;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Starts the broker (formats storage on the first start only) and waits until it serves metadata. */
    @Override
    public synchronized EmbeddedKafka start() {
        super.start();
        return this;
    }

    @Override
    ChildProcess launch() throws IOException {
        Files.createDirectories(dataDirectory);
        stopStaleBroker();
        checkPortsFree();
        Path logDir = dataDirectory.resolve("kraft-data");
        String clusterId = null;
        if (!Files.isRegularFile(logDir.resolve("meta.properties"))) {
            clusterId = readOrCreateClusterId();
        }
        return launch(writeServerProperties(logDir), writeLog4jConfig(), clusterId);
    }

    // ------------------------------------------------------------------ topics

    /** Creates the topics (replication factor 1) unless they exist. Idempotent. */
    public void createTopics(Collection<String> topics, int partitions) {
        if (topics.isEmpty()) {
            return;
        }
        createTopics(bootstrapServers(), topics, partitions);
    }

    /** Same as {@link #createTopics(Collection, int)} with the broker's default partition count. */
    public void createTopics(Collection<String> topics) {
        createTopics(topics, partitions);
    }

    /** Creates topics (replication factor 1) on any Kafka cluster unless they exist. */
    public static void createTopics(String bootstrapServers, Collection<String> topics, int partitions) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "retailcx-embedded-infra-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String t : topics) {
                newTopics.add(new NewTopic(t, partitions, (short) 1));
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
            for (Map.Entry<String, KafkaFuture<Void>> e : results.entrySet()) {
                try {
                    e.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new InfraException("Cannot create topic " + e.getKey() + ": " + ex.getCause(), ex.getCause());
                    }
                } catch (TimeoutException ex) {
                    throw new InfraException("Timed out creating topic " + e.getKey() + " on " + bootstrapServers, ex);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new InfraException("interrupted", ex);
                }
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private String readOrCreateClusterId() throws IOException {
        Path file = dataDirectory.resolve("cluster.id");
        if (Files.isRegularFile(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    private Path writeServerProperties(Path logDir) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", Integer.toString(partitions));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("delete.topic.enable", "true");
        // a dev/test broker: keep everything (no time/size based deletion)
        p.put("log.retention.ms", "-1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "4");
        p.putAll(brokerProperties);
        StringBuilder sb = new StringBuilder("# generated by org.retailcx.infra.EmbeddedKafka on every start\n");
        p.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Path file = dataDirectory.resolve("server.properties");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- generated by org.retailcx.infra.EmbeddedKafka: everything to stdout (redirected to kafka.log) -->
                <Configuration status="WARN" shutdownHook="disable">
                  <Appenders>
                    <Console name="STDOUT" target="SYSTEM_OUT">
                      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Root level="INFO">
                      <AppenderRef ref="STDOUT"/>
                    </Root>
                    <Logger name="kafka.request.logger" level="WARN"/>
                    <Logger name="org.apache.kafka.clients.NetworkClient" level="WARN"/>
                  </Loggers>
                </Configuration>
                """;
        Path file = dataDirectory.resolve("log4j2.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private ChildProcess launch(Path serverProperties, Path log4j, String formatClusterId) throws IOException {
        String classpath = brokerClasspath();
        Path log = logFile();
        ProcessSupport.rotateIfLarge(log, 20L * 1024 * 1024);
        Files.writeString(log, "---- " + Instant.now() + " starting Kafka on " + bootstrapServers()
                        + (formatClusterId != null ? " (formatting storage, cluster id " + formatClusterId + ")" : "")
                        + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        cmd.add("-Dretailcx.kafka.dataDir=" + dataDirectory);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(KafkaBrokerMain.class.getName());
        if (formatClusterId != null) {
            cmd.add("--format");
            cmd.add(formatClusterId);
        }
        cmd.add(serverProperties.toString());

        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dataDirectory.toFile());
        pb.environment().remove("CLASSPATH");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("KAFKA_OPTS");
        return ChildProcess.start(name(), pb, log, STOP_LADDER, pidFile(), registerShutdownHook);
    }

    private Path pidFile() {
        return dataDirectory.resolve("broker.pid");
    }

    /** Stops a broker JVM left running on this data dir by a previous (killed) parent. */
    private void stopStaleBroker() throws IOException {
        long pid = ChildProcess.pidIn(pidFile());
        if (pid > 0 && ProcessSupport.isAlive(pid)) {
            String cmdline = ProcessSupport.commandLine(pid);
            if (cmdline.contains(KafkaBrokerMain.class.getName())
                    && cmdline.contains("-Dretailcx.kafka.dataDir=" + dataDirectory + " ")) {
                LOG.log(Level.WARNING, "A previous Kafka broker (pid {0}) still runs on {1}; stopping it", Long.toString(pid),
                        dataDirectory);
                ChildProcess.stopLeftover(name(), pid, STOP_LADDER);
            }
        }
        Files.deleteIfExists(pidFile());
    }

    @Override
    void awaitReady(ChildProcess broker) {
        try (MetadataProbe probe = new MetadataProbe(host, port)) {
            broker.awaitReady(startupTimeout, probe, () -> "(" + bootstrapServers() + ", controller port "
                    + controllerPort + ", data " + dataDirectory + ")." + logExcerpt());
        }
    }

    /**
     * Ready when the client port accepts connections (checked first, so the AdminClient logs no refused
     * connections) and describeCluster returns nodes.
     */
    private static final class MetadataProbe implements ChildProcess.Probe, AutoCloseable {
        private final String host;
        private final int port;
        private Admin admin;

        MetadataProbe(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public boolean ready() throws Exception {
            if (!Ports.isListening(host, port)) {
                return false;
            }
            if (admin == null) {
                Properties props = new Properties();
                props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + port);
                props.put(AdminClientConfig.CLIENT_ID_CONFIG, "retailcx-embedded-infra-readiness");
                props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
                props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
                props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
                admin = Admin.create(props);
            }
            try {
                Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                        .nodes().get(4, TimeUnit.SECONDS);
                return !nodes.isEmpty();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        @Override
        public void close() {
            if (admin != null) {
                admin.close();
            }
        }
    }

    private String logExcerpt() {
        String errors = ProcessSupport.errorLines(logFile(), "---- ", 5);
        return (errors.isEmpty() ? "" : " Errors in " + logFile() + ":\n" + errors)
                + " Last lines of " + logFile() + ":\n" + ProcessSupport.tail(logFile(), 20);
    }

    private void checkPortsFree() {
        for (int p : new int[] {port, controllerPort}) {
            if (Ports.isListening(host, p)) {
                throw new InfraException("Cannot start Kafka: " + host + ":" + p + " is already in use by another "
                        + "process (" + (p == port ? "client" : "controller") + " port)");
            }
        }
    }

    /** launcher dir (KafkaBrokerMain.class copied out) : broker jars : embedded-infra runtime jars. */
    static String brokerClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(launcherDirectory().toString());
        for (String resource : List.of(BROKER_CLASSPATH_RESOURCE, RUNTIME_CLASSPATH_RESOURCE)) {
            String text;
            try (InputStream in = resourceStream(resource)) {
                if (in == null) {
                    throw new InfraException("Resource " + resource + " missing: build embedded-infra with Maven "
                            + "(it is generated by maven-dependency-plugin:build-classpath)");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            for (String entry : text.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                if (!Files.exists(Path.of(entry))) {
                    throw new InfraException("Kafka broker classpath entry " + entry + " (from " + resource
                            + ") does not exist: rebuild embedded-infra (mvn install) on this machine");
                }
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static InputStream resourceStream(String resource) {
        ClassLoader cl = EmbeddedKafka.class.getClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(resource);
        if (in == null && Thread.currentThread().getContextClassLoader() != null) {
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        }
        return in;
    }

    /**
     * Copies KafkaBrokerMain.class into a content-addressed directory under java.io.tmpdir, so the child
     * JVM can load it whatever class loader / packaging this module is loaded from.
     */
    private static synchronized Path launcherDirectory() throws IOException {
        String classFile = KafkaBrokerMain.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = resourceStream(classFile)) {
            if (in == null) {
                throw new InfraException("Cannot read " + classFile + " from the class path");
            }
            bytes = in.readAllBytes();
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path dir = ProcessSupport.sharedTempBase().resolve("kafka-launcher-" + hash);
        Path target = dir.resolve(classFile);
        if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "launcher", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", data=" + dataDirectory + ", running=" + isRunning() + "]";
    }

    // ------------------------------------------------------------------ builder

    public static final class Builder extends EmbeddedServer.Builder<Builder> {
        private int controllerPort;
        private int partitions = 3;
        private final List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder() {
            super(Duration.ofSeconds(90));
        }

        @Override
        Builder self() {
            return this;
        }

        /** KRaft controller port; 0 = a free port chosen once. */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** num.partitions for auto-created topics (default 3). */
        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Appends a JVM option for the broker JVM (defaults: -Xms128m -Xmx512m and fast-startup flags). */
        public Builder jvmOption(String option) {
            this.jvmOptions.add(Objects.requireNonNull(option));
            return this;
        }

        /** Any broker property; overrides the generated server.properties value. */
        public Builder brokerProperty(String key, String value) {
            this.brokerProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }

        /** build().start() */
        public EmbeddedKafka start() {
            return build().start();
        }
    }
}
