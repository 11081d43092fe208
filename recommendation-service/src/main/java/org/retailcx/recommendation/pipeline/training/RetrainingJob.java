package org.retailcx.recommendation.pipeline.training;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.platform.jobs.SingleReplicaJobs;
import org.retailcx.schema.EventJson;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Retrains the recommender on a schedule ({@code retailcx.recommendation.retrain.every}, e.g. {@code 24h}; default
 * {@code off}) and on demand ({@code POST /models/retrain}): the configured {@code algorithm} and {@code parameters}
 * (JSON, unset ones take the defaults) on the interactions of the last {@code window} (default 365 days), activated
 * when {@code activate} (default true). A version like any other: stored with trigger {@code schedule}, announced to
 * the registry by the model-version event when trained and again when activated. Runs on one replica at a time
 * ({@link SingleReplicaJobs#runExclusive}): a replica that finds the job running elsewhere skips it.
 */
@ApplicationScoped
public class RetrainingJob {

    public static final String JOB = "recommendation.model-retrain";
    public static final String TRIGGER = "schedule";
    private static final Logger LOG = Logger.getLogger(RetrainingJob.class);

    private final SingleReplicaJobs jobs;
    private final ModelTraining models;
    private final String algorithm;
    private final String parameters;
    private final Duration window;
    private final boolean activate;

    public RetrainingJob(SingleReplicaJobs jobs, ModelTraining models,
            @ConfigProperty(name = "retailcx.recommendation.retrain.algorithm", defaultValue = "sar") String algorithm,
            @ConfigProperty(name = "retailcx.recommendation.retrain.parameters", defaultValue = "{}") String parameters,
            @ConfigProperty(name = "retailcx.recommendation.retrain.window", defaultValue = "365d") Duration window,
            @ConfigProperty(name = "retailcx.recommendation.retrain.activate", defaultValue = "true") boolean activate) {
        this.jobs = jobs;
        this.models = models;
        this.algorithm = algorithm;
        this.parameters = parameters;
        this.window = window;
        this.activate = activate;
    }

    @Scheduled(every = "${retailcx.recommendation.retrain.every:off}", identity = JOB,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return retrain("retrain-job")
                .invoke(result -> result.ifPresentOrElse(
                        m -> LOG.infof("scheduled recommender retraining: model version %d (%s)", m.version(),
                                m.algorithm()),
                        () -> LOG.info("scheduled recommender retraining skipped: another replica is running it")))
                .onFailure().invoke(e -> LOG.warnf("scheduled recommender retraining failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One retraining as configured, by {@code caller}; empty when another replica holds the job. */
    public Uni<Optional<TrainedModel>> retrain(String caller) {
        return Uni.createFrom().item(() -> {
            OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC);
            try {
                var spec = TrainingSpecs.parse(algorithm, EventJson.mapper().readTree(parameters),
                        "retailcx.recommendation.retrain.algorithm");
                return new ModelTraining.Run(spec, to.minus(window), to, activate, TRIGGER, caller);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("retailcx.recommendation.retrain.parameters is not JSON: " + parameters,
                        e);
            }
        }).chain(run -> jobs.runExclusive(JOB, tx -> models.train(tx, run)));
    }
}
