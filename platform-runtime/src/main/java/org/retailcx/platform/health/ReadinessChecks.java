package org.retailcx.platform.health;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.retailcx.platform.events.OutboxRelay;

import io.smallrye.health.api.HealthGroup;

/**
 * Readiness of every service: the database, the broker and the outbox relay. Each check reads what
 * {@link DependencyProbes} and {@link EventLag} measured in the background, so {@code /q/health/ready} answers at
 * once whatever state PostgreSQL or Kafka are in, and says why it is DOWN. They replace Quarkus' own datasource
 * and Kafka checks, which wait on the dependency for seconds.
 */
@ApplicationScoped
public class ReadinessChecks {

    private final DependencyProbes probes;
    private final EventLag lag;
    private final OutboxRelay relay;
    private final Instant started = Instant.now();

    public ReadinessChecks(DependencyProbes probes, EventLag lag, OutboxRelay relay) {
        this.probes = probes;
        this.lag = lag;
        this.relay = relay;
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck database() {
        return () -> reachability(probes.database());
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck broker() {
        return () -> reachability(probes.broker());
    }

    /** Also on its own at {@code /q/health/group/outbox}. */
    @Produces
    @Readiness
    @HealthGroup("outbox")
    @ApplicationScoped
    HealthCheck outbox() {
        return this::outboxLag;
    }

    private static HealthCheckResponse reachability(DependencyProbes.Reachability state) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(state.dependency()).status(state.up());
        if (!state.up()) {
            response.withData("reason", state.reason()).withData("downSince", state.downSince().toString());
        }
        if (state.lastAnswer() != null) {
            response.withData("lastAnswer", state.lastAnswer().toString());
        }
        return response.build();
    }

    HealthCheckResponse outboxLag() {
        Duration alert = lag.stallAlert();
        Instant now = Instant.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay").withData("stallAlert",
                alert.toString());
        OutboxRelay.Status relayed = relay.status();
        if (relayed.lastSuccess() != null) {
            response.withData("relayLastSuccess", relayed.lastSuccess().toString());
        }
        if (relayed.lastError() != null) {
            response.withData("relayLastError", relayed.lastError());
        }
        if (lag.inboxLag() >= 0) {
            response.withData("inboxLag", lag.inboxLag());
        }
        EventLag.OutboxSample sample = lag.outbox();
        if (sample == null || sample.measuredAt() == null) {
            // Nothing can have stalled for longer than the alert before the first measurement is due.
            boolean young = Duration.between(started, now).compareTo(alert) <= 0;
            return response.status(young).withData("reason", "outbox lag not measured yet"
                    + (sample != null && sample.error() != null ? ": " + sample.error() : "")).build();
        }
        response.withData("pending", sample.pending())
                .withData("oldestPendingAgeSeconds", sample.oldestPendingAge().toSeconds())
                .withData("measuredAt", sample.measuredAt().toString());
        if (Duration.between(sample.measuredAt(), now).compareTo(alert) > 0) {
            return response.down().withData("reason", "outbox lag not measured since " + sample.measuredAt()
                    + (sample.error() != null ? ": " + sample.error() : "")).build();
        }
        if (sample.oldestPendingAge().compareTo(alert) > 0) {
            return response.down().withData("reason", "the oldest pending event is "
                    + sample.oldestPendingAge().toSeconds() + " s old (alert at " + alert + ")").build();
        }
        return response.up().build();
    }
}
