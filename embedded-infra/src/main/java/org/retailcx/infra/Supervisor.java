package org.retailcx.infra;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the servers of {@code InfraMain up} running: a server whose process died (killed, crashed, out of
 * memory) is logged with how it ended and started again on the same ports and data. A start that fails is
 * tried again after a pause that doubles up to {@link #MAX_PAUSE}.
 */
final class Supervisor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Supervisor.class.getName());
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private record Backoff(int failures, long nextAttemptNanos) {
    }

    private final List<EmbeddedServer> servers;
    private final Map<EmbeddedServer, Backoff> backoffs = new HashMap<>();
    private volatile Thread watcher;
    private volatile boolean closed;

    Supervisor(List<EmbeddedServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /** Starts every server that is down and due for an attempt; returns the names of those now running again. */
    synchronized List<String> restartDead() {
        List<String> restarted = new ArrayList<>();
        for (EmbeddedServer server : servers) {
            if (closed || server.isRunning()) {
                continue;
            }
            Backoff backoff = backoffs.getOrDefault(server, new Backoff(0, 0));
            if (backoff.failures() > 0 && System.nanoTime() < backoff.nextAttemptNanos()) {
                continue;
            }
            LOG.log(Level.WARNING, "{0} is down ({1}); starting it again{2}", server.name(),
                    server.exitStatus(), backoff.failures() > 0 ? " (attempt " + (backoff.failures() + 1) + ")" : "");
            long t0 = System.nanoTime();
            try {
                server.start();
                backoffs.remove(server);
                restarted.add(server.name());
                LOG.log(Level.INFO, "{0} is running again after {1} ms", server.name(), (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                int failures = backoff.failures() + 1;
                Duration pause = pauseAfter(failures);
                backoffs.put(server, new Backoff(failures, System.nanoTime() + pause.toNanos()));
                LOG.log(Level.ERROR, "{0} did not start ({1}); next attempt in {2} s", server.name(), e.getMessage(),
                        pause.toSeconds());
            }
        }
        return restarted;
    }

    /** 1 s after the first failed start, doubling up to {@link #MAX_PAUSE}. */
    static Duration pauseAfter(int failures) {
        long seconds = 1L << Math.min(failures - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_PAUSE.toSeconds()));
    }

    /** Checks the servers every {@code interval} on a daemon thread until {@link #close()}. */
    synchronized void watch(Duration interval) {
        if (watcher != null) {
            return;
        }
        watcher = new Thread(() -> {
            while (!closed) {
                try {
                    restartDead();
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return; // close()
                }
            }
        }, "infra-supervisor");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Stops watching (interrupting a start in progress), so that a shutdown does not race a restart. */
    @Override
    public void close() {
        closed = true;
        Thread w = watcher;
        if (w != null) {
            w.interrupt();
            try {
                w.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
