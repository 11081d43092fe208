package org.retailcx.journey.pipeline.metrics;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Journey metrics per version over the instances that entered in a period: how many entered, where they are
 * (active, abandoned, completed, exited, ended), completion rate, time to complete (mean and median), abandonment
 * rate by stage (instances abandoned at a stage / instances that entered it) with recoveries, and engagement
 * (messages and next-best-actions released per instance).
 */
@ApplicationScoped
public class JourneyMetrics {

    @RegisterForReflection
    public record StageMetrics(String stage, long entered, long abandoned, double abandonmentRate, long recovered) {
    }

    @RegisterForReflection
    public record VersionMetrics(int version, long entered, long active, long abandoned, long completed, long exited,
            long ended, double completionRate, Double meanSecondsToComplete, Double medianSecondsToComplete,
            double actionsReleasedPerInstance, List<StageMetrics> stages) {
    }

    private final Pool pool;

    public JourneyMetrics(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<VersionMetrics>> of(String journeyKey, OffsetDateTime from, OffsetDateTime to) {
        Tuple period = Tuple.of(journeyKey, from, to);
        String inPeriod = """
                i.journey_id = $1 and ($2::timestamptz is null or i.entered_at >= $2)
                    and ($3::timestamptz is null or i.entered_at < $3)""";
        return pool.withConnection(c -> c.preparedQuery("""
                select i.journey_version, count(*),
                    count(*) filter (where status = 'ACTIVE'), count(*) filter (where status = 'ABANDONED'),
                    count(*) filter (where status = 'COMPLETED'), count(*) filter (where status = 'EXITED'),
                    count(*) filter (where status = 'ENDED'),
                    avg(extract(epoch from finished_at - entered_at)) filter (where status = 'COMPLETED')::float8,
                    (percentile_cont(0.5) within group (order by extract(epoch from finished_at - entered_at))
                        filter (where status = 'COMPLETED'))::float8,
                    coalesce((select count(*) from silver.journey_action a
                        join silver.retail_journey_state_real_time x using (instance_id)
                        where a.status = 'released' and x.journey_id = $1 and x.journey_version = i.journey_version
                            and ($2::timestamptz is null or x.entered_at >= $2)
                            and ($3::timestamptz is null or x.entered_at < $3)), 0)
                from silver.retail_journey_state_real_time i where %s
                group by i.journey_version order by i.journey_version""".formatted(inPeriod)).execute(period)
                .chain(versions -> c.preparedQuery("""
                        select i.journey_version, t.stage, count(distinct t.instance_id),
                            (select count(*) from silver.retail_journey_abandonment a
                             join silver.retail_journey_state_real_time x using (instance_id)
                             where x.journey_id = $1 and x.journey_version = i.journey_version
                                and a.abandonment_stage = t.stage
                                and ($2::timestamptz is null or x.entered_at >= $2)
                                and ($3::timestamptz is null or x.entered_at < $3)),
                            (select count(*) from silver.retail_journey_abandonment a
                             join silver.retail_journey_state_real_time x using (instance_id)
                             where x.journey_id = $1 and x.journey_version = i.journey_version
                                and a.abandonment_stage = t.stage and a.recovered_at is not null
                                and ($2::timestamptz is null or x.entered_at >= $2)
                                and ($3::timestamptz is null or x.entered_at < $3))
                        from silver.journey_transition t
                        join silver.retail_journey_state_real_time i using (instance_id)
                        where t.kind = 'STAGE_ENTERED' and %s
                        group by i.journey_version, t.stage order by i.journey_version, t.stage"""
                        .formatted(inPeriod)).execute(period)
                        .map(stages -> {
                            Map<Integer, List<StageMetrics>> byVersion = new LinkedHashMap<>();
                            for (Row s : stages) {
                                long entered = s.getLong(2);
                                long abandoned = s.getLong(3);
                                byVersion.computeIfAbsent(s.getInteger(0), v -> new ArrayList<>())
                                        .add(new StageMetrics(s.getString(1), entered, abandoned,
                                                (double) abandoned / entered, s.getLong(4)));
                            }
                            List<VersionMetrics> out = new ArrayList<>();
                            for (Row v : versions) {
                                long entered = v.getLong(1);
                                out.add(new VersionMetrics(v.getInteger(0), entered, v.getLong(2), v.getLong(3),
                                        v.getLong(4), v.getLong(5), v.getLong(6), (double) v.getLong(4) / entered,
                                        v.getDouble(7), v.getDouble(8), (double) v.getLong(9) / entered,
                                        byVersion.getOrDefault(v.getInteger(0), List.of())));
                            }
                            return out;
                        })));
    }
}
