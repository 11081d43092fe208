package org.retailcx.clv.pipeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.clv.api.FitRequest;
import org.retailcx.clv.api.ModelVersion;
import org.retailcx.platform.jobs.SingleReplicaJobs;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Refits the CLV model on a schedule ({@code retailcx.clv.refit.cron}, default 02:30 UTC daily; {@code off}
 * disables it) and on demand ({@code POST /api/v1/clv/models/refit}): calibration end = yesterday (UTC) unless
 * given, population = {@code retailcx.clv.refit.segment} or all customers, activated when
 * {@code retailcx.clv.refit.activate} (default true). Runs on one replica at a time
 * ({@link SingleReplicaJobs#runExclusive}): a replica that finds the job running elsewhere skips it.
 */
@ApplicationScoped
public class ClvRefitJob {

    public static final String JOB = "clv.model-refit";
    private static final Logger LOG = Logger.getLogger(ClvRefitJob.class);

    private final SingleReplicaJobs jobs;
    private final ClvModelService models;
    private final Optional<String> segment;
    private final boolean activate;

    public ClvRefitJob(SingleReplicaJobs jobs, ClvModelService models,
            @ConfigProperty(name = "retailcx.clv.refit.segment") Optional<String> segment,
            @ConfigProperty(name = "retailcx.clv.refit.activate", defaultValue = "true") boolean activate) {
        this.jobs = jobs;
        this.models = models;
        this.segment = segment.filter(s -> !s.isBlank());
        this.activate = activate;
    }

    @Scheduled(cron = "${retailcx.clv.refit.cron:0 30 2 * * ?}", identity = JOB,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refit(LocalDate.now(ZoneOffset.UTC).minusDays(1), "schedule")
                .invoke(result -> result.ifPresentOrElse(
                        m -> LOG.infof("scheduled CLV refit: model version %d", m.version()),
                        () -> LOG.info("scheduled CLV refit skipped: another replica is running it")))
                .onFailure().invoke(e -> LOG.warnf("scheduled CLV refit failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One refit; empty when another replica holds the job. */
    public Uni<Optional<ModelVersion>> refit(LocalDate calibrationEnd, String trigger) {
        FitRequest request = new FitRequest(calibrationEnd, segment.orElse(null), activate, null, null, null);
        return jobs.runExclusive(JOB, tx -> models.fit(tx, request, trigger));
    }
}
