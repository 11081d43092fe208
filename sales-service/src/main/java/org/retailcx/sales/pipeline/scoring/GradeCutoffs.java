package org.retailcx.sales.pipeline.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.sales.model.scoring.GradeThresholds;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The grade cut-offs each model version grades by, with their history ({@code silver.retail_sales_scoring_grade_cutoffs},
 * newest in force), and the grade mix of the CRM's scored leads over time from the score log. A version graded by
 * {@code recent-quantiles} gets new cut-offs from the scores its leads got in the last {@code windowDays} on each
 * refresh, and the leads it scored are regraded by them (lead.scored for each grade that changes).
 */
@ApplicationScoped
public class GradeCutoffs {

    /** Cut-offs in force from {@code effectiveFrom}; {@code population}: scored leads they came from (recent-quantiles). */
    @RegisterForReflection
    public record Cutoff(String effectiveFrom, String basis, double minimumA, double minimumB, double minimumC,
            Integer population, Integer windowDays) {
    }

    /** What a refresh did: new cut-offs (and how many leads changed grade), or why it kept the old ones. */
    @RegisterForReflection
    public record Refresh(int version, boolean refreshed, String reason, Cutoff cutoff, int leadsRegraded) {
    }

    /** One period of the grade mix: leads scored in it (each lead once, its last score there) per grade. */
    @RegisterForReflection
    public record MixBucket(String period, int leads, Map<String, Integer> counts, Map<String, Double> shares,
            Double meanProbability) {
    }

    @RegisterForReflection
    public record GradeMix(int version, String bucket, List<MixBucket> periods, List<Cutoff> cutoffs) {
    }

    private final ObjectMapper mapper;
    private final int minPopulation;

    public GradeCutoffs(ObjectMapper mapper,
            @ConfigProperty(name = "retailcx.sales.lead-scoring.grade-refresh.min-population", defaultValue = "50")
            int minPopulation) {
        this.mapper = mapper;
        this.minPopulation = minPopulation;
    }

    public Uni<GradeThresholds> current(SqlClient client, int version) {
        return client.preparedQuery("""
                select minimum_a, minimum_b, minimum_c from silver.retail_sales_scoring_grade_cutoffs
                where version = $1 order by effective_from desc limit 1""").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw LeadScoringService.notFound(version);
                    }
                    Row r = rows.iterator().next();
                    return new GradeThresholds(r.getDouble(0), r.getDouble(1), r.getDouble(2));
                });
    }

    Uni<Cutoff> insert(SqlConnection tx, int version, String basis, GradeThresholds t, Integer population,
            Integer windowDays) {
        return tx.preparedQuery("""
                insert into silver.retail_sales_scoring_grade_cutoffs (version, basis, minimum_a, minimum_b, minimum_c,
                    population, window_days) values ($1, $2, $3, $4, $5, $6, $7) returning effective_from::text""")
                .execute(Tuple.from(java.util.Arrays.asList(version, basis, t.minimumA(), t.minimumB(), t.minimumC(),
                        population, windowDays)))
                .map(rows -> new Cutoff(rows.iterator().next().getString(0), basis, t.minimumA(), t.minimumB(),
                        t.minimumC(), population, windowDays));
    }

    public Uni<List<Cutoff>> history(SqlClient client, int version) {
        return client.preparedQuery("""
                select effective_from::text, basis, minimum_a, minimum_b, minimum_c, population, window_days
                from silver.retail_sales_scoring_grade_cutoffs where version = $1 order by effective_from""")
                .execute(Tuple.of(version))
                .map(rows -> {
                    List<Cutoff> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Cutoff(r.getString(0), r.getString(1), r.getDouble(2),
                            r.getDouble(3), r.getDouble(4), r.getInteger(5), r.getInteger(6))));
                    return list;
                });
    }

    /** The version's grading policy as stored. */
    Uni<GradingOptions> policy(SqlClient client, int version) {
        return client.preparedQuery("select grading::text from silver.retail_sales_scoring_model where version = $1")
                .execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw LeadScoringService.notFound(version);
                    }
                    try {
                        return mapper.readValue(rows.iterator().next().getString(0), GradingOptions.class).normalised();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * New cut-offs from the version's recent scored population: the policy's shares of the latest score of each lead
     * it scored in the last {@code windowDays}. Too few leads (below the minimum population) keeps the old ones.
     */
    Uni<Refresh> refreshRecent(SqlConnection tx, int version, GradingOptions policy, LeadScoringService scoring) {
        return tx.preparedQuery("""
                select coalesce(array_agg(probability), '{}') from (
                    select distinct on (golden_lead_id) probability from silver.retail_sales_lead_score_log
                    where version = $1 and scored_at >= now() - make_interval(days => $2)
                    order by golden_lead_id, scored_at desc) latest""").execute(Tuple.of(version, policy.windowDays()))
                .chain(rows -> {
                    Double[] boxed = rows.iterator().next().getArrayOfDoubles(0);
                    if (boxed.length < minPopulation) {
                        return Uni.createFrom().item(new Refresh(version, false, "only " + boxed.length + " leads were"
                                + " scored by version " + version + " in the last " + policy.windowDays()
                                + " days; recent quantiles need at least " + minPopulation, null, 0));
                    }
                    double[] scores = new double[boxed.length];
                    for (int i = 0; i < scores.length; i++) {
                        scores[i] = boxed[i];
                    }
                    GradeThresholds t = policy.policy().thresholdsFor(scores);
                    return insert(tx, version, GradingOptions.RECENT_QUANTILES, t, scores.length, policy.windowDays())
                            .chain(cutoff -> regrade(tx, version, t, scoring)
                                    .map(n -> new Refresh(version, true, null, cutoff, n)));
                });
    }

    /** Regrades the golden leads this version scored by new cut-offs; those whose grade changes are re-announced. */
    Uni<Integer> regrade(SqlConnection tx, int version, GradeThresholds t, LeadScoringService scoring) {
        return tx.preparedQuery("""
                select golden_lead_id, score_probability, grade, record_key from (
                    select g.golden_lead_id, g.score_probability, g.score_grade,
                           case when g.score_probability >= $2 then 'A' when g.score_probability >= $3 then 'B'
                                when g.score_probability >= $4 then 'C' else 'D' end as grade,
                           coalesce(f.customer_id, g.golden_lead_id::text) as record_key
                    from silver.retail_sales_lead_golden g
                    left join gold.fact_sales_conversions f on f.golden_lead_id = g.golden_lead_id
                    where g.score_model_version = $1) regraded
                where grade is distinct from score_grade order by golden_lead_id""")
                .execute(Tuple.of(version, t.minimumA(), t.minimumB(), t.minimumC()))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    List<Double> probabilities = new ArrayList<>();
                    List<String> grades = new ArrayList<>();
                    List<String> keys = new ArrayList<>();
                    for (Row r : rows) {
                        ids.add(r.getLong(0));
                        probabilities.add(r.getDouble(1));
                        grades.add(r.getString(2));
                        keys.add(r.getString(3));
                    }
                    return ids.isEmpty() ? Uni.createFrom().item(0)
                            : scoring.recordScores(tx, version, ids.toArray(Long[]::new),
                                    probabilities.toArray(Double[]::new), grades.toArray(String[]::new),
                                    keys.toArray(String[]::new));
                });
    }

    /** Grade mix of the leads the version scored, per week or month of scoring, with the cut-offs' history. */
    public Uni<GradeMix> mix(SqlClient client, int version, String bucket, LocalDate from, LocalDate to) {
        if (!bucket.equals("week") && !bucket.equals("month") && !bucket.equals("day")) {
            throw ProblemException.invalid("bucket", "must be day, week or month");
        }
        return client.preparedQuery("""
                select period::date::text, count(*)::int, avg(probability),
                       count(*) filter (where grade = 'A')::int, count(*) filter (where grade = 'B')::int,
                       count(*) filter (where grade = 'C')::int, count(*) filter (where grade = 'D')::int
                from (select distinct on (golden_lead_id, date_trunc($2, scored_at))
                             date_trunc($2, scored_at) as period, probability, grade
                      from silver.retail_sales_lead_score_log
                      where version = $1 and ($3::date is null or scored_at >= $3)
                        and ($4::date is null or scored_at < $4::date + 1)
                      order by golden_lead_id, date_trunc($2, scored_at), scored_at desc) latest
                group by period order by period""").execute(Tuple.of(version, bucket, from, to))
                .chain(rows -> {
                    List<MixBucket> periods = new ArrayList<>();
                    for (Row r : rows) {
                        Map<String, Integer> counts = new LinkedHashMap<>();
                        Map<String, Double> shares = new LinkedHashMap<>();
                        int leads = r.getInteger(1);
                        String[] grades = { "A", "B", "C", "D" };
                        for (int g = 0; g < 4; g++) {
                            counts.put(grades[g], r.getInteger(3 + g));
                            shares.put(grades[g], (double) r.getInteger(3 + g) / leads);
                        }
                        periods.add(new MixBucket(r.getString(0), leads, counts, shares, r.getDouble(2)));
                    }
                    return history(client, version).map(h -> new GradeMix(version, bucket, periods, h));
                });
    }
}
