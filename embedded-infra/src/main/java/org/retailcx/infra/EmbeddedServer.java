package org.retailcx.infra;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the embedded PostgreSQL and Kafka broker share, written once: a data directory (a temporary one is
 * deleted by {@link #close()}), an address, and one server process ({@link ChildProcess}) with a startup
 * timeout, started again on the same port and data after it died.
 */
public abstract class EmbeddedServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedServer.class.getName());

    private final String name;
    final Path dataDirectory;
    private final boolean temporaryDataDirectory;
    final String host;
    final int port;
    final Duration startupTimeout;
    final boolean registerShutdownHook;

    private ChildProcess process;

    EmbeddedServer(String name, String temporaryDirectoryPrefix, Builder<?> b) {
        this.name = name;
        try {
            if (b.dataDirectory == null) {
                this.dataDirectory = Files.createTempDirectory(ProcessSupport.sharedTempBase(), temporaryDirectoryPrefix);
                this.temporaryDataDirectory = true;
            } else {
                this.dataDirectory = b.dataDirectory.toAbsolutePath().normalize();
                this.temporaryDataDirectory = false;
            }
        } catch (IOException e) {
            throw new InfraException("Cannot create a temporary " + name + " data directory: " + e, e);
        }
        this.host = b.host;
        this.port = b.port > 0 ? b.port : Ports.freePort();
        this.startupTimeout = b.startupTimeout;
        this.registerShutdownHook = b.registerShutdownHook;
    }

    /** "PostgreSQL" or "Kafka", for logs and messages. */
    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Pid of the server process, or -1 when it does not run. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    /** "running", "exited with code N", "killed by signal N (NAME)", or "stopped" (never started, or stopped). */
    public synchronized String exitStatus() {
        return process == null ? "stopped" : process.exitStatus();
    }

    /** Starts the server and waits until it serves clients. Does nothing while it runs. */
    public synchronized EmbeddedServer start() {
        if (isRunning()) {
            return this;
        }
        stop(); // a process that died (killed, crashed) leaves its watchdog, pid file and shutdown hook behind
        long t0 = System.nanoTime();
        try {
            process = launch();
            awaitReady(process);
        } catch (IOException e) {
            stopQuietly();
            throw new InfraException("Cannot start " + name + " in " + dataDirectory + ": " + e, e);
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
        LOG.log(Level.INFO, "{0} ready on {1}:{2,number,#} (data {3}) in {4} ms", name, host, port, dataDirectory,
                (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    /** Prepares the data directory and starts the server process. */
    abstract ChildProcess launch() throws IOException;

    /** Waits (through {@link ChildProcess#awaitReady}) until the server serves clients. */
    abstract void awaitReady(ChildProcess server);

    /** Stops the server process through its stop ladder and waits for the exit. Idempotent. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** Stops the server; a temporary data directory (none given to the builder) is deleted. */
    @Override
    public synchronized void close() {
        stop();
        if (temporaryDataDirectory) {
            ProcessSupport.deleteRecursively(dataDirectory);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            // best effort after a failed start
        }
    }

    /** The options both servers have. */
    public abstract static class Builder<B extends Builder<B>> {
        private Path dataDirectory;
        private String host = "127.0.0.1";
        private int port;
        private Duration startupTimeout;
        private boolean registerShutdownHook = true;

        Builder(Duration defaultStartupTimeout) {
            this.startupTimeout = defaultStartupTimeout;
        }

        abstract B self();

        /** Data directory, kept across restarts. If not set: a temporary directory that close() deletes. */
        public B dataDirectory(Path dir) {
            this.dataDirectory = dir;
            return self();
        }

        /** Address to listen on (only this one). Default 127.0.0.1. */
        public B host(String host) {
            this.host = Objects.requireNonNull(host);
            return self();
        }

        /** TCP port; 0 (default) picks a free port once, reused by later restarts of this instance. */
        public B port(int port) {
            this.port = port;
            return self();
        }

        public B startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout);
            return self();
        }

        /** Stop the server in a JVM shutdown hook (default true). The watchdog runs regardless. */
        public B registerShutdownHook(boolean register) {
            this.registerShutdownHook = register;
            return self();
        }
    }
}
