package org.retailcx.sales.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.retailcx.sales.model.PipelineMovement;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The small JSON documents the pipeline metrics answer with. Amounts are in the deals' currency (EUR). */
public final class PipelineReports {

    private PipelineReports() {
    }

    @RegisterForReflection
    @Schema(description = "Open pipeline of one stage")
    public record StageValue(String stage, int stageOrder, long count, BigDecimal amount,
            @Schema(description = "Σ amount × probability / 100") BigDecimal weightedAmount) {
    }

    @RegisterForReflection
    @Schema(description = "Open pipeline by stage, now or as of the end of a past day (from the change history); a period filters on the expected close date")
    public record Pipeline(@Schema(description = "The day read, null for now") LocalDate asOf,
            List<StageValue> stages, long count, BigDecimal amount, BigDecimal weightedAmount) {
    }

    @RegisterForReflection
    @Schema(description = "Won / (won + lost) for deals closed in the period")
    public record WinRate(LocalDate from, LocalDate to, long won, long lost, BigDecimal wonAmount,
            BigDecimal lostAmount, @Schema(description = "Percent by count, null without closed deals") BigDecimal winRatePercent,
            @Schema(description = "Percent by value") BigDecimal winRateByValuePercent) {
    }

    @RegisterForReflection
    @Schema(description = "Days from created to Closed Won, for deals won in the period")
    public record SalesCycle(LocalDate from, LocalDate to, long deals, BigDecimal averageDays, BigDecimal medianDays,
            Integer minDays, Integer maxDays) {
    }

    @RegisterForReflection
    @Schema(description = "Won amount over quota; the quota is spread over its quota period's days and scaled to the requested period")
    public record Attainment(String id, String name, BigDecimal quota, BigDecimal wonAmount,
            BigDecimal attainmentPercent) {
    }

    @RegisterForReflection
    public record RepAttainment(String repId, String name, String team, String territoryId, String quotaPeriod,
            BigDecimal quota, BigDecimal wonAmount, BigDecimal attainmentPercent) {
    }

    @RegisterForReflection
    @Schema(description = "Per rep (its version valid on the period's last day), rolled up by team and by territory (a territory includes those below it)")
    public record QuotaAttainment(LocalDate from, LocalDate to, List<RepAttainment> reps, List<Attainment> teams,
            List<Attainment> territories) {
    }

    @RegisterForReflection
    @Schema(description = "Entries into a stage in the period and what became of them")
    public record StageConversion(String stage, int stageOrder, long entered,
            @Schema(description = "Entries whose next stage was a later stage (Closed Lost is not an advance)") long advanced,
            @Schema(description = "Entries that have left the stage") long exited,
            BigDecimal conversionPercent, BigDecimal averageDaysInStage, BigDecimal medianDaysInStage) {
    }

    @RegisterForReflection
    public record StageConversions(LocalDate from, LocalDate to, List<StageConversion> stages) {
    }

    @RegisterForReflection
    @Schema(description = "Pipeline waterfall over [from, to]: amounts starting + new + increased − decreased + pulledIn − pushedOut − won − lost = ending; counts (opportunities per bucket) starting + new + pulledIn − pushedOut − won − lost = ending, increased/decreased counting open deals whose amount changed")
    public record Movement(LocalDate from, LocalDate to, PipelineMovement.Bucket starting,
            @JsonProperty("new") PipelineMovement.Bucket created, PipelineMovement.Bucket increased,
            PipelineMovement.Bucket decreased, PipelineMovement.Bucket pulledIn, PipelineMovement.Bucket pushedOut,
            PipelineMovement.Bucket won, PipelineMovement.Bucket lost, PipelineMovement.Bucket ending) {
    }

    @RegisterForReflection
    @Schema(description = "Forecast for a period: closed = won in the period; commit / best case / pipeline = open deals expected to close in it, by their stage's forecast category")
    public record Forecast(LocalDate from, LocalDate to, BigDecimal closed, BigDecimal commit, BigDecimal bestCase,
            BigDecimal pipeline, @Schema(description = "Σ amount × probability of the open deals expected to close in the period") BigDecimal weightedPipeline,
            @Schema(description = "closed + commit") BigDecimal commitForecast,
            @Schema(description = "closed + commit + best case") BigDecimal bestCaseForecast) {
    }
}
