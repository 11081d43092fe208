package org.retailcx.platform.health;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Asks PostgreSQL ({@code select 1}) and the Kafka broker (describe cluster) every
 * {@code retailcx.health.probe-interval} whether they answer within {@code retailcx.health.timeout}, in the
 * background, so that health checks and the API gate read the answer from memory and never wait on a dependency.
 *
 * <p>The database probe has its own single connection: a frozen server holds a query forever, and probes must
 * not take the application's pooled connections with them. At most one probe per dependency is in flight; one
 * that has gone unanswered longer than the timeout counts as DOWN from the moment it was sent.
 */
@ApplicationScoped
public class DependencyProbes {

    private static final Logger LOG = Logger.getLogger(DependencyProbes.class);

    /** One dependency's state: {@code downSince} is null while it answers; not {@code probed} before the first answer. */
    public record Reachability(String dependency, Instant downSince, String reason, Instant lastAnswer,
            boolean probed) {
        public boolean up() {
            return downSince == null;
        }
    }

    private final Vertx vertx;
    private final Duration timeout;
    private final Duration interval;
    private final Pool probeConnection;
    private final Admin admin;
    private final Probe database = new Probe("PostgreSQL");
    private final Probe broker = new Probe("Kafka broker");
    private long timer = -1;

    public DependencyProbes(Vertx vertx,
            @ConfigProperty(name = "retailcx.health.timeout") Duration timeout,
            @ConfigProperty(name = "retailcx.health.probe-interval") Duration interval,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.vertx = vertx;
        this.timeout = timeout;
        this.interval = interval;
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl).setUser(user).setPassword(password);
        options.setConnectTimeout((int) timeout.toMillis());
        this.probeConnection = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options)
                .using(vertx).build();
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().retainAll(AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "retailcx-health-probe");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(config);
    }

    void start(@Observes StartupEvent event) {
        probe();
        timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> probe());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        probeConnection.close();
        admin.close(Duration.ofSeconds(1));
    }

    public Reachability database() {
        return database.state();
    }

    public Reachability broker() {
        return broker.state();
    }

    public Duration timeout() {
        return timeout;
    }

    private void probe() {
        database.run(done -> probeConnection.query("select 1").execute()
                .onComplete(result -> done.accept(result.failed() ? result.cause() : null)));
        broker.run(done -> admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .clusterId().whenComplete((id, failure) -> done.accept(failure)));
    }

    /** A dependency's latest answer, and the probe in flight if there is one. */
    private final class Probe {
        private final String dependency;
        private final AtomicLong inFlightSince = new AtomicLong(); // epoch millis; 0 = none
        private volatile Reachability answered;
        private volatile boolean overdueLogged;

        Probe(String dependency) {
            this.dependency = dependency;
            this.answered = new Reachability(dependency, Instant.now(), "not probed yet", null, false);
        }

        void run(Consumer<Consumer<Throwable>> send) {
            long now = System.currentTimeMillis();
            long sentAt = inFlightSince.get();
            if (sentAt != 0 || !inFlightSince.compareAndSet(0, now)) {
                // still waiting for the previous answer; state() reports it once it is overdue
                if (sentAt != 0 && !overdueLogged && answered.lastAnswer() != null
                        && now - sentAt > timeout.toMillis()) {
                    overdueLogged = true;
                    LOG.warnf("%s is unreachable: no answer within %d ms", dependency, timeout.toMillis());
                }
                return;
            }
            try {
                send.accept(failure -> answered(now, failure));
            } catch (RuntimeException e) {
                answered(now, e);
            }
        }

        private void answered(long sentAt, Throwable failure) {
            Reachability before = answered;
            Instant now = Instant.now();
            boolean wasOverdue = overdueLogged;
            overdueLogged = false;
            if (failure == null) {
                if ((!before.up() && before.lastAnswer() != null) || wasOverdue) {
                    LOG.infof("%s answers again", dependency);
                }
                answered = new Reachability(dependency, null, null, now, true);
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                Instant since = before.up() ? Instant.ofEpochMilli(sentAt) : before.downSince();
                if (before.up() && !wasOverdue) {
                    LOG.warnf("%s is unreachable: %s", dependency, cause);
                }
                answered = new Reachability(dependency, since, cause.toString(), before.lastAnswer(), true);
            }
            inFlightSince.compareAndSet(sentAt, 0);
        }

        Reachability state() {
            Reachability last = answered;
            long sentAt = inFlightSince.get();
            if (sentAt != 0 && last.up() && System.currentTimeMillis() - sentAt > timeout.toMillis()) {
                return new Reachability(dependency, Instant.ofEpochMilli(sentAt),
                        "no answer within " + timeout.toMillis() + " ms", last.lastAnswer(), true);
            }
            return last;
        }
    }
}
