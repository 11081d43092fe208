package org.retailcx.sentiment.metrics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the sentiment queries answer. Scores are on the suite's one −1..1 scale, whatever the channel. */
public final class SentimentViews {

    private SentimentViews() {
    }

    /** An analysed text: redacted, never the original. {@code agentImpact} = endScore − startScore (calls). */
    @RegisterForReflection
    public record Document(String channel, String sourceRecordId, String customerId, String agentId,
            String conversationId, String product, OffsetDateTime occurredAt, boolean customerVoice, String language,
            boolean languageReliable, String status, Double score, String label, Double magnitude, Double confidence,
            List<String> keywords, List<String> topics, String leaveIntent, Double startScore, Double endScore,
            Double agentImpact, String redactedText, JsonNode redactions, JsonNode sentences, String modelVersion,
            long bronzeId) {
    }

    /** One day × channel of a customer's texts (gold.fact_customer_sentiment). */
    @RegisterForReflection
    public record CustomerDay(LocalDate date, String channel, int documents, int analysedDocuments, Double meanScore,
            Double minScore, int negativeDocuments, int leaveIntents) {
    }

    /**
     * A customer's current sentiment (the mean over {@code windowDays} up to {@code asOf}), their alerts, clv's latest
     * probability that they are still active (null until clv has scored them) and their days.
     */
    @RegisterForReflection
    public record CustomerSentiment(String customerId, Double score, String label, int documents, int windowDays,
            OffsetDateTime asOf, String previousLabel, long alerts, Double probabilityAlive,
            List<CustomerDay> days) {
    }

    /**
     * Sentiment beside clv's churn signal over the customers that have both: Pearson's r between their sentiment and
     * P(alive), the mean P(alive) of customers with and without an at-risk alert, and the customers clv counts as
     * lost (P(alive) below {@code lostBelow}) against the active ones: their mean sentiment and share with an alert.
     */
    @RegisterForReflection
    public record ChurnCorrelation(int customers, Double pearson, int atRiskCustomers,
            Double meanProbabilityAliveAtRisk, Double meanProbabilityAliveNotAtRisk, double lostBelow,
            int lostCustomers, Double meanSentimentLost, Double meanSentimentActive, Double atRiskShareLost,
            Double atRiskShareActive) {
    }

    /**
     * A day of a trend. {@code relativeToChannel}: the mean minus the channel's own mean over the range asked
     * for, so that channels with different baselines (surveys run warmer than complaints by e-mail) compare.
     */
    @RegisterForReflection
    public record TrendPoint(LocalDate date, String channel, int documents, double meanScore,
            double relativeToChannel, double negativeShare, int leaveIntents) {
    }

    /**
     * A topic or keyword and how much it moves the score: {@code impact} = mentions × (its mean − the overall mean
     * of the documents in range), negative for what drags sentiment down.
     */
    @RegisterForReflection
    public record Driver(String kind, String driver, int mentions, double meanScore, int negativeMentions,
            double impact) {
    }

    @RegisterForReflection
    public record Drivers(LocalDate from, LocalDate to, String channel, int documents, double overallMean,
            List<Driver> drivers) {
    }

    @RegisterForReflection
    public record Alert(long alertId, String customerId, String channel, String sourceRecordId, String reason,
            Double score, double threshold, String leaveIntent, List<String> topics, OffsetDateTime occurredAt,
            OffsetDateTime raisedAt) {
    }

    /** An agent's calls: the customer's mood at the first vs the last of their turns, on average. */
    @RegisterForReflection
    public record AgentImpact(String agentId, int calls, double meanStartScore, double meanEndScore,
            double meanImpact, int improved, int worsened) {
    }

    /** A topic found in the data: heaviest terms first, its texts, their mean score and the negative share. */
    @RegisterForReflection
    public record DiscoveredTopicView(int index, List<String> terms, int documents, double averageSentiment,
            double negativeShare, List<String> examples) {
    }

    /**
     * A stored discovery run over a window of customer texts. {@code documentsUsed} is a deterministic sample when the
     * window held more than a run takes; texts with none of the kept terms join no topic.
     */
    @RegisterForReflection
    public record TopicDiscoveryRun(long discoveryId, LocalDate from, LocalDate to, String channel, int k,
            int documentsInWindow, int documentsUsed, int vocabulary, String method, String requestedBy,
            OffsetDateTime requestedAt, List<DiscoveredTopicView> topics) {
    }

    /**
     * An external vendor's model against this service's analysis of the same texts: {@code results} it sent,
     * {@code compared} of them on texts analysed here; Pearson's r of the two scores, the share with the same label,
     * the mean absolute difference and both means.
     */
    @RegisterForReflection
    public record VendorAgreement(String nlpModelVersion, int results, int compared, Double pearson,
            Double labelAgreement, Double meanAbsoluteDifference, Double meanVendorScore, Double meanScore) {
    }
}
