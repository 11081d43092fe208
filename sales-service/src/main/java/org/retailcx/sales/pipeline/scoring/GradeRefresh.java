package org.retailcx.sales.pipeline.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.retailcx.platform.jobs.SingleReplicaJobs;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.GradeThresholds;
import org.retailcx.sales.pipeline.scoring.GradeCutoffs.Refresh;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Chooses a version's grading policy and refreshes the cut-offs of versions graded by recent quantiles: on
 * {@code retailcx.sales.lead-scoring.grade-refresh.cron} (UTC, one replica via an advisory lock) and on request.
 */
@ApplicationScoped
public class GradeRefresh {

    static final String JOB_NAME = "sales.lead-scoring-grade-refresh";
    private static final Logger LOG = Logger.getLogger(GradeRefresh.class);

    private final Pool pool;
    private final SingleReplicaJobs jobs;
    private final GradeCutoffs cutoffs;
    private final LeadScoringService scoring;

    public GradeRefresh(Pool pool, SingleReplicaJobs jobs, GradeCutoffs cutoffs, LeadScoringService scoring) {
        this.pool = pool;
        this.jobs = jobs;
        this.cutoffs = cutoffs;
        this.scoring = scoring;
    }

    @Scheduled(identity = JOB_NAME, cron = "{retailcx.sales.lead-scoring.grade-refresh.cron}", timeZone = "UTC")
    Uni<Void> scheduled() {
        return refreshAll().invoke(done -> done.ifPresentOrElse(
                list -> list.forEach(r -> LOG.infof("lead-scoring grades of version %d: %s", r.version(),
                        r.refreshed() ? "refreshed, " + r.leadsRegraded() + " leads regraded" : r.reason())),
                () -> LOG.info("lead-scoring grade refresh: another replica holds the job"))).replaceWithVoid();
    }

    /** The job's body: every version graded by recent quantiles; empty when another replica runs it. */
    public Uni<Optional<List<Refresh>>> refreshAll() {
        return jobs.runExclusive(JOB_NAME, tx -> tx.query("""
                select version from silver.retail_sales_scoring_model
                where grading ->> 'basis' = 'recent-quantiles' order by version""").execute()
                .chain(rows -> {
                    Uni<List<Refresh>> all = Uni.createFrom().item(new ArrayList<>());
                    for (var r : rows) {
                        int version = r.getInteger(0);
                        all = all.chain(list -> refresh(tx, version).map(one -> {
                            list.add(one);
                            return list;
                        }));
                    }
                    return all;
                }));
    }

    /** Refreshes one version now (409 unless it is graded by recent quantiles). */
    public Uni<Refresh> refresh(int version) {
        return pool.withTransaction(tx -> refresh(tx, version));
    }

    private Uni<Refresh> refresh(SqlConnection tx, int version) {
        return lock(tx, version).chain(() -> cutoffs.policy(tx, version)).chain(policy -> {
            if (!policy.basis().equals(GradingOptions.RECENT_QUANTILES)) {
                throw ProblemException.conflict("urn:retailcx:problem:not-recent-quantiles", "model version "
                        + version + " is graded by " + policy.basis() + "; only " + GradingOptions.RECENT_QUANTILES
                        + " cut-offs are refreshed");
            }
            return cutoffs.refreshRecent(tx, version, policy, scoring);
        });
    }

    /**
     * Grades the version by this policy from now on: training quantiles go back to the model's own cut-offs,
     * conversion targets take the targets, recent quantiles refresh at once (keeping the cut-offs in force when too
     * few leads were scored yet). Leads the version scored are regraded.
     */
    public Uni<Refresh> choose(int version, GradingOptions requested) {
        GradingOptions policy = (requested == null ? GradingOptions.defaults() : requested).normalised();
        return pool.withTransaction(tx -> lock(tx, version)
                .chain(() -> tx.preparedQuery("update silver.retail_sales_scoring_model set grading = $2::text::jsonb"
                        + " where version = $1").execute(Tuple.of(version, scoring.write(policy))))
                .chain(() -> {
                    if (policy.basis().equals(GradingOptions.RECENT_QUANTILES)) {
                        return cutoffs.refreshRecent(tx, version, policy, scoring);
                    }
                    return scoring.version(tx, version).chain(v -> {
                        GradeThresholds t = policy.initial(v.model().gradeThresholds());
                        return cutoffs.insert(tx, version, policy.initialBasis(), t, null, null)
                                .chain(cutoff -> cutoffs.regrade(tx, version, t, scoring)
                                        .map(n -> new Refresh(version, true, null, cutoff, n)));
                    });
                }));
    }

    private static Uni<Void> lock(SqlConnection tx, int version) {
        return tx.preparedQuery("select 1 from silver.retail_sales_scoring_model where version = $1 for update")
                .execute(Tuple.of(version)).invoke(rows -> {
                    if (rows.size() == 0) {
                        throw LeadScoringService.notFound(version);
                    }
                }).replaceWithVoid();
    }
}
