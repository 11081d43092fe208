package org.retailcx.recommendation.ingest;

import static org.retailcx.platform.medallion.MedallionSource.Column.of;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.DataQualityRule;
import org.retailcx.platform.medallion.EventSource;
import org.retailcx.platform.medallion.MedallionDomain;
import org.retailcx.platform.medallion.MedallionSource;
import org.retailcx.platform.medallion.MedallionSource.Access;
import org.retailcx.platform.security.Roles;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.recommendation.NextBestActionIssued;

/**
 * What recommendation-service ingests: customer × product interactions from the channels' feeds, won sales
 * (consumed from sales-service's events) as purchases, feedback on served recommendations, and customers' predicted
 * value (consumed from clv-service's events) for next-best-action, customers at risk (consumed from sentiment-service's
 * alerts) that trigger churn-risk actions; and what it writes itself: the lists it serves
 * and the actions it issues. "Future" in the rules is relative to the database's clock.
 */
@ApplicationScoped
public class RecommendationSources implements MedallionDomain {

    /** Machine feeds write; analysts read the versions. */
    static final Access FEED = Access.of(Set.of(Roles.SERVICE, Roles.ADMIN), Set.of(Roles.SERVICE, Roles.ADMIN),
            Set.of(Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN));

    /** The funnel steps, in the model's spelling; the SQL normalisation below maps the sources' spellings to them. */
    public static final String NORMALISED_RATING = "lower(regexp_replace(btrim(b.implicit_rating), '[_-]+', ' ', 'g'))";

    public static final MedallionSource<InteractionRecord> INTERACTIONS = MedallionSource
            .of("interactions", InteractionRecord.class)
            .table("bronze.retail_collaborative_filtering_data")
            .id("interactionId", InteractionRecord::interactionId)
            .access(FEED).defaultSourceSystem("digital-channels").customerColumn("customer_id")
            .rules(List.of(
                    new DataQualityRule("implicit-rating-known", "implicitRating",
                            NORMALISED_RATING + " not in ('view', 'click', 'add to cart', 'purchase')",
                            "'implicitRating ' || b.implicit_rating || ' is not one of view, click, add to cart,"
                                    + " purchase'"),
                    new DataQualityRule("timestamp-not-in-future", "interactionTimestamp",
                            "b.interaction_timestamp > now() + interval '5 minutes'",
                            "'interactionTimestamp ' || b.interaction_timestamp || ' is in the future'"),
                    new DataQualityRule("value-non-negative", "interactionValue", "b.interaction_value < 0",
                            "'interactionValue must not be negative, was ' || b.interaction_value")))
            .columns(of("customer_id", InteractionRecord::customerId),
                    of("product_id", InteractionRecord::productId),
                    of("interaction_type", InteractionRecord::interactionType),
                    of("interaction_timestamp", InteractionRecord::interactionTimestamp),
                    of("interaction_value", InteractionRecord::interactionValue),
                    of("implicit_rating", InteractionRecord::implicitRating))
            .build();

    public static final MedallionSource<FeedbackRecord> FEEDBACK = MedallionSource
            .of("feedback", FeedbackRecord.class)
            .table("bronze.retail_recommendation_feedback").id("feedbackId", FeedbackRecord::feedbackId)
            .access(FEED).defaultSourceSystem("digital-channels").customerColumn("customer_id")
            .rules(List.of(
                    new DataQualityRule("recommendation-known", "recommendationId",
                            "not exists (select 1 from silver.retail_recommendations_enriched e"
                                    + " where e.recommendation_id = b.recommendation_id)",
                            "'recommendationId ' || b.recommendation_id || ' was never served'"),
                    new DataQualityRule("customer-matches-recommendation", "customerId",
                            "exists (select 1 from silver.retail_recommendations_enriched e"
                                    + " where e.recommendation_id = b.recommendation_id"
                                    + " and e.customer_id <> b.customer_id)",
                            "'recommendationId ' || b.recommendation_id || ' was served to another customer than '"
                                    + " || b.customer_id"),
                    new DataQualityRule("amount-non-negative", "conversionAmount", "b.conversion_amount < 0",
                            "'conversionAmount must not be negative, was ' || b.conversion_amount"),
                    new DataQualityRule("dwell-non-negative", "dwellTimeSeconds", "b.dwell_time_seconds < 0",
                            "'dwellTimeSeconds must not be negative, was ' || b.dwell_time_seconds"),
                    new DataQualityRule("timestamp-not-in-future", "feedbackTimestamp",
                            "b.feedback_timestamp > now() + interval '5 minutes'",
                            "'feedbackTimestamp ' || b.feedback_timestamp || ' is in the future'")))
            .columns(of("recommendation_id", FeedbackRecord::recommendationId),
                    of("customer_id", FeedbackRecord::customerId), of("displayed", FeedbackRecord::displayed),
                    of("clicked", FeedbackRecord::clicked), of("dismissed", FeedbackRecord::dismissed),
                    of("converted", FeedbackRecord::converted),
                    of("conversion_amount", FeedbackRecord::conversionAmount),
                    of("dwell_time_seconds", FeedbackRecord::dwellTimeSeconds),
                    of("feedback_timestamp", FeedbackRecord::feedbackTimestamp))
            .build();

    public static final MedallionSource<CustomerValueRecord> CUSTOMER_VALUES = MedallionSource
            .of("customer-values", CustomerValueRecord.class)
            .table("bronze.retail_customer_value")
            .id("customerId", v -> v.customerId() + "@" + v.clvModelVersion())
            .access(FEED).defaultSourceSystem("clv-service").customerColumn("customer_id")
            .rules(List.of(new DataQualityRule("value-non-negative", "predictedClvLifetime",
                    "b.predicted_clv_lifetime < 0",
                    "'predictedClvLifetime must not be negative, was ' || b.predicted_clv_lifetime")))
            .columns(of("customer_id", CustomerValueRecord::customerId),
                    of("clv_model_version", CustomerValueRecord::clvModelVersion),
                    of("prediction_date", CustomerValueRecord::predictionDate),
                    of("predicted_clv_lifetime", CustomerValueRecord::predictedClvLifetime),
                    of("clv_decile", CustomerValueRecord::clvDecile))
            .build();

    public static final MedallionSource<RiskAlertRecord> RISK_ALERTS = MedallionSource
            .of("risk-alerts", RiskAlertRecord.class)
            .table("bronze.retail_customer_risk_alerts")
            .id("textId", a -> a.customerId() + "@" + a.textId())
            .access(FEED).defaultSourceSystem("sentiment-service").customerColumn("customer_id")
            .columns(of("customer_id", RiskAlertRecord::customerId), of("reasons", RiskAlertRecord::reasons),
                    of("channel", RiskAlertRecord::channel), of("score", RiskAlertRecord::score),
                    of("occurred_at", RiskAlertRecord::occurredAt))
            .build();

    /** Every list served, one record per product, as the serving call logs it before answering. */
    public static final MedallionSource<ServedRecommendationRecord> SERVED = MedallionSource
            .of("served-recommendations", ServedRecommendationRecord.class)
            .table("bronze.retail_product_recommendations")
            .id("recommendationId", ServedRecommendationRecord::recommendationId)
            .internal(Set.of(Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN))
            .defaultSourceSystem("recommendation-service").customerColumn("customer_id")
            .columns(of("recommendation_id", ServedRecommendationRecord::recommendationId),
                    of("customer_id", ServedRecommendationRecord::customerId),
                    of("session_id", ServedRecommendationRecord::sessionId),
                    of("recommended_product_id", "productId", ServedRecommendationRecord::productId),
                    of("rank", ServedRecommendationRecord::rank), of("score", ServedRecommendationRecord::score),
                    of("algorithm", ServedRecommendationRecord::algorithm),
                    of("model_version", ServedRecommendationRecord::modelVersion),
                    of("context", ServedRecommendationRecord::context),
                    of("timestamp", "servedAt", ServedRecommendationRecord::servedAt),
                    of("reason", ServedRecommendationRecord::reason))
            .build();

    /**
     * Every next-best-action issued, as announced ({@code next-best-action.issued}): the contact log the contact
     * policy counts. The issue id is the record id (the table's {@code action_id}); the catalogue's action id is
     * {@code catalogue_action_id}.
     */
    public static final MedallionSource<NextBestActionIssued> ISSUED_ACTIONS = MedallionSource
            .of("next-best-actions", NextBestActionIssued.class)
            .table("bronze.retail_next_best_action").id("issueId", NextBestActionIssued::issueId)
            .internal(Set.of(Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN))
            .defaultSourceSystem("recommendation-service").customerColumn("customer_id")
            .columns(of("action_id", "issueId", NextBestActionIssued::issueId),
                    of("catalogue_action_id", "actionId", NextBestActionIssued::actionId),
                    of("customer_id", NextBestActionIssued::customerId),
                    of("action_type", NextBestActionIssued::actionType),
                    of("action_recommendation", NextBestActionIssued::actionRecommendation),
                    of("product_id", NextBestActionIssued::productId), of("channel", NextBestActionIssued::channel),
                    of("priority", NextBestActionIssued::priority), of("expiry", NextBestActionIssued::expiry),
                    of("trigger", NextBestActionIssued::trigger),
                    of("propensity", NextBestActionIssued::propensity), of("value", NextBestActionIssued::value),
                    of("expected_value", NextBestActionIssued::expectedValue),
                    of("rank_for_customer", NextBestActionIssued::rankForCustomer),
                    of("issued_at", NextBestActionIssued::issuedAt))
            .build();

    /** clv-service's predictions: each predicted or decile-changed event is the customer's value under a version. */
    public static final EventSource<?, ?> PREDICTED_VALUES = new EventSource<>(
            EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED, CUSTOMER_VALUES, "clv-service",
            v -> new CustomerValueRecord(v.customerId(), v.modelVersion(), v.predictionDate(),
                    v.predictedClvLifetime(), v.decile()));

    public static final EventSource<?, ?> CHANGED_DECILES = new EventSource<>(
            EventCatalog.CLV_CUSTOMER_VALUE_DECILE_CHANGED, CUSTOMER_VALUES, "clv-service",
            v -> new CustomerValueRecord(v.customerId(), v.modelVersion(), v.predictionDate(),
                    v.predictedClvLifetime(), v.decile()));

    /** sentiment-service's at-risk alerts, one per analysed text. */
    public static final EventSource<?, ?> AT_RISK_CUSTOMERS = new EventSource<>(
            EventCatalog.SENTIMENT_CUSTOMER_AT_RISK, RISK_ALERTS, "sentiment-service",
            a -> new RiskAlertRecord(a.customerId(), a.sourceRecordId(), String.join(",", a.reasons()), a.channel(),
                    a.score(), a.occurredAt()));

    /** A won sale is the strongest signal there is: the customer bought the product (at the start of its close day). */
    public static final EventSource<?, ?> WON_SALES = new EventSource<>(EventCatalog.SALES_OPPORTUNITY_CLOSED_WON,
            INTERACTIONS, "sales-service", won -> new InteractionRecord(won.opportunityId(), won.customerId(),
                    won.product(), "closed-won", won.closeDate().atStartOfDay().atOffset(ZoneOffset.UTC),
                    won.amount(), "purchase"));

    @Override
    public String domain() {
        return "recommendation";
    }

    @Override
    public List<MedallionSource<?>> sources() {
        return List.of(INTERACTIONS, FEEDBACK, CUSTOMER_VALUES, SERVED, ISSUED_ACTIONS, RISK_ALERTS);
    }

    @Override
    public List<EventSource<?, ?>> eventSources() {
        return List.of(WON_SALES, PREDICTED_VALUES, CHANGED_DECILES, AT_RISK_CUSTOMERS);
    }

    @Override
    public Set<String> operatorRoles() {
        return Set.of(Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN);
    }
}
