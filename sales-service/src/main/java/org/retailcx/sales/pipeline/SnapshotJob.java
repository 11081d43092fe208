package org.retailcx.sales.pipeline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.retailcx.platform.jobs.SingleReplicaJobs;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Takes yesterday's and today's pipeline snapshots on one replica, on {@code retailcx.sales.snapshot.cron} (UTC).
 * Yesterday is retaken so that versions that arrived after its last run (late CRM syncs) still count.
 */
@ApplicationScoped
public class SnapshotJob {

    static final String JOB_NAME = "sales.pipeline-snapshot";
    private static final Logger LOG = Logger.getLogger(SnapshotJob.class);

    private final SingleReplicaJobs jobs;
    private final PipelineSnapshots snapshots;
    private final Clock clock = Clock.systemUTC();

    public SnapshotJob(SingleReplicaJobs jobs, PipelineSnapshots snapshots) {
        this.jobs = jobs;
        this.snapshots = snapshots;
    }

    @Scheduled(identity = JOB_NAME, cron = "{retailcx.sales.snapshot.cron}", timeZone = "UTC")
    Uni<Void> scheduled() {
        return snapshotRecent().invoke(rows -> rows.ifPresentOrElse(
                n -> LOG.infof("pipeline snapshot: %d open opportunity rows for yesterday and today", n),
                () -> LOG.info("pipeline snapshot: another replica holds the job"))).replaceWithVoid();
    }

    /** The job's body: empty when another replica is running it. */
    public Uni<Optional<Integer>> snapshotRecent() {
        LocalDate today = LocalDate.now(clock);
        return jobs.runExclusive(JOB_NAME, tx -> snapshots.take(tx, today.minusDays(1), today));
    }
}
