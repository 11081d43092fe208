package org.retailcx.schema;

import java.util.List;
import java.util.Optional;

import org.retailcx.schema.clv.CustomerValueDecileChanged;
import org.retailcx.schema.clv.CustomerValuePredicted;
import org.retailcx.schema.ml.ModelVersionTrained;
import org.retailcx.schema.recommendation.NextBestActionAccepted;
import org.retailcx.schema.recommendation.NextBestActionExpired;
import org.retailcx.schema.recommendation.NextBestActionIssued;
import org.retailcx.schema.recommendation.RecommendationConverted;
import org.retailcx.schema.journey.ActionRequested;
import org.retailcx.schema.journey.JourneyAbandoned;
import org.retailcx.schema.journey.JourneyCompleted;
import org.retailcx.schema.journey.JourneyRecovered;
import org.retailcx.schema.journey.StageEntered;
import org.retailcx.schema.personalization.ExperimentDefinitionPublished;
import org.retailcx.schema.personalization.ExperimentSrmDetected;
import org.retailcx.schema.personalization.ModelAliasMoved;
import org.retailcx.schema.personalization.ModelVersionRegistered;
import org.retailcx.schema.sales.CommissionCalculated;
import org.retailcx.schema.sales.LeadConverted;
import org.retailcx.schema.sales.LeadCreated;
import org.retailcx.schema.sales.LeadScored;
import org.retailcx.schema.sales.OpportunityClosedLost;
import org.retailcx.schema.sales.OpportunityClosedWon;
import org.retailcx.schema.sales.OpportunityCreated;
import org.retailcx.schema.sales.OpportunityStageChanged;
import org.retailcx.schema.sales.ReferralConverted;
import org.retailcx.schema.sentiment.CustomerAtRisk;
import org.retailcx.schema.sentiment.CustomerSentimentChanged;
import org.retailcx.schema.sentiment.TextScored;

/** Every event type the suite publishes. Within a {@code v<n>} type, changes are additive only. */
public final class EventCatalog {

    public static final EventType<OpportunityClosedWon> SALES_OPPORTUNITY_CLOSED_WON = new EventType<>(
            "retailcx.sales.opportunity.closed-won.v1", Topics.SALES_OPPORTUNITY, OpportunityClosedWon.class);

    public static final EventType<OpportunityCreated> SALES_OPPORTUNITY_CREATED = new EventType<>(
            "retailcx.sales.opportunity.created.v1", Topics.SALES_OPPORTUNITY, OpportunityCreated.class);

    public static final EventType<OpportunityStageChanged> SALES_OPPORTUNITY_STAGE_CHANGED = new EventType<>(
            "retailcx.sales.opportunity.stage-changed.v1", Topics.SALES_OPPORTUNITY, OpportunityStageChanged.class);

    public static final EventType<OpportunityClosedLost> SALES_OPPORTUNITY_CLOSED_LOST = new EventType<>(
            "retailcx.sales.opportunity.closed-lost.v1", Topics.SALES_OPPORTUNITY, OpportunityClosedLost.class);

    public static final EventType<CommissionCalculated> SALES_COMMISSION_CALCULATED = new EventType<>(
            "retailcx.sales.commission.calculated.v1", Topics.SALES_COMMISSION, CommissionCalculated.class);

    public static final EventType<LeadCreated> SALES_LEAD_CREATED = new EventType<>(
            "retailcx.sales.lead.created.v1", Topics.SALES_LEAD, LeadCreated.class);

    public static final EventType<LeadScored> SALES_LEAD_SCORED = new EventType<>(
            "retailcx.sales.lead.scored.v1", Topics.SALES_LEAD, LeadScored.class);

    public static final EventType<LeadConverted> SALES_LEAD_CONVERTED = new EventType<>(
            "retailcx.sales.lead.converted.v1", Topics.SALES_LEAD, LeadConverted.class);

    public static final EventType<ReferralConverted> SALES_REFERRAL_CONVERTED = new EventType<>(
            "retailcx.sales.referral.converted.v1", Topics.SALES_REFERRAL, ReferralConverted.class);

    public static final EventType<CustomerValuePredicted> CLV_CUSTOMER_VALUE_PREDICTED = new EventType<>(
            "retailcx.clv.customer-value.predicted.v1", Topics.CLV_CUSTOMER_VALUE, CustomerValuePredicted.class);

    public static final EventType<CustomerValueDecileChanged> CLV_CUSTOMER_VALUE_DECILE_CHANGED = new EventType<>(
            "retailcx.clv.customer-value.decile-changed.v1", Topics.CLV_CUSTOMER_VALUE,
            CustomerValueDecileChanged.class);

    public static final EventType<ModelVersionTrained> RECOMMENDATION_MODEL_VERSION_TRAINED = new EventType<>(
            "retailcx.recommendation.model-version.trained.v1", Topics.RECOMMENDATION_MODEL_VERSION,
            ModelVersionTrained.class);

    public static final EventType<RecommendationConverted> RECOMMENDATION_CONVERTED = new EventType<>(
            "retailcx.recommendation.recommendation.converted.v1", Topics.RECOMMENDATION_RECOMMENDATION,
            RecommendationConverted.class);

    public static final EventType<NextBestActionIssued> RECOMMENDATION_NEXT_BEST_ACTION_ISSUED = new EventType<>(
            "retailcx.recommendation.next-best-action.issued.v1", Topics.RECOMMENDATION_NEXT_BEST_ACTION,
            NextBestActionIssued.class);

    public static final EventType<NextBestActionAccepted> RECOMMENDATION_NEXT_BEST_ACTION_ACCEPTED = new EventType<>(
            "retailcx.recommendation.next-best-action.accepted.v1", Topics.RECOMMENDATION_NEXT_BEST_ACTION,
            NextBestActionAccepted.class);

    public static final EventType<StageEntered> JOURNEY_STAGE_ENTERED = new EventType<>(
            "retailcx.journey.instance.stage-entered.v1", Topics.JOURNEY_INSTANCE, StageEntered.class);

    public static final EventType<JourneyCompleted> JOURNEY_COMPLETED = new EventType<>(
            "retailcx.journey.instance.completed.v1", Topics.JOURNEY_INSTANCE, JourneyCompleted.class);

    public static final EventType<JourneyAbandoned> JOURNEY_ABANDONED = new EventType<>(
            "retailcx.journey.instance.abandoned.v1", Topics.JOURNEY_INSTANCE, JourneyAbandoned.class);

    public static final EventType<JourneyRecovered> JOURNEY_RECOVERED = new EventType<>(
            "retailcx.journey.instance.recovered.v1", Topics.JOURNEY_INSTANCE, JourneyRecovered.class);

    public static final EventType<ActionRequested> JOURNEY_ACTION_REQUESTED = new EventType<>(
            "retailcx.journey.action.requested.v1", Topics.JOURNEY_ACTION, ActionRequested.class);

    public static final EventType<CustomerAtRisk> SENTIMENT_CUSTOMER_AT_RISK = new EventType<>(
            "retailcx.sentiment.customer.at-risk.v1", Topics.SENTIMENT_CUSTOMER, CustomerAtRisk.class);

    public static final EventType<CustomerSentimentChanged> SENTIMENT_CUSTOMER_SENTIMENT_CHANGED = new EventType<>(
            "retailcx.sentiment.customer.sentiment-changed.v1", Topics.SENTIMENT_CUSTOMER,
            CustomerSentimentChanged.class);

    public static final EventType<TextScored> SENTIMENT_TEXT_SCORED = new EventType<>(
            "retailcx.sentiment.text.scored.v1", Topics.SENTIMENT_TEXT, TextScored.class);

    public static final EventType<ModelVersionTrained> SALES_MODEL_VERSION_TRAINED = new EventType<>(
            "retailcx.sales.model-version.trained.v1", Topics.SALES_MODEL_VERSION, ModelVersionTrained.class);

    public static final EventType<ModelVersionTrained> CLV_MODEL_VERSION_TRAINED = new EventType<>(
            "retailcx.clv.model-version.trained.v1", Topics.CLV_MODEL_VERSION, ModelVersionTrained.class);

    public static final EventType<ModelVersionRegistered> PERSONALIZATION_MODEL_VERSION_REGISTERED = new EventType<>(
            "retailcx.personalization.model-version.registered.v1", Topics.PERSONALIZATION_MODEL_VERSION,
            ModelVersionRegistered.class);

    public static final EventType<NextBestActionExpired> RECOMMENDATION_NEXT_BEST_ACTION_EXPIRED = new EventType<>(
            "retailcx.recommendation.next-best-action.expired.v1", Topics.RECOMMENDATION_NEXT_BEST_ACTION,
            NextBestActionExpired.class);

    public static final EventType<ModelAliasMoved> PERSONALIZATION_MODEL_ALIAS_MOVED = new EventType<>(
            "retailcx.personalization.model-version.alias-moved.v1", Topics.PERSONALIZATION_MODEL_VERSION,
            ModelAliasMoved.class);

    public static final EventType<ExperimentDefinitionPublished> PERSONALIZATION_EXPERIMENT_PUBLISHED =
            new EventType<>("retailcx.personalization.experiment.published.v1", Topics.PERSONALIZATION_EXPERIMENT,
                    ExperimentDefinitionPublished.class);

    public static final EventType<ExperimentDefinitionPublished> PERSONALIZATION_EXPERIMENT_CHANGED =
            new EventType<>("retailcx.personalization.experiment.changed.v1", Topics.PERSONALIZATION_EXPERIMENT,
                    ExperimentDefinitionPublished.class);

    public static final EventType<ExperimentSrmDetected> PERSONALIZATION_EXPERIMENT_SRM_DETECTED =
            new EventType<>("retailcx.personalization.experiment.srm-detected.v1", Topics.PERSONALIZATION_EXPERIMENT,
                    ExperimentSrmDetected.class);

    private static final List<EventType<?>> ALL = List.of(SALES_OPPORTUNITY_CLOSED_WON, SALES_OPPORTUNITY_CREATED,
            SALES_OPPORTUNITY_STAGE_CHANGED, SALES_OPPORTUNITY_CLOSED_LOST, SALES_COMMISSION_CALCULATED,
            SALES_LEAD_CREATED, SALES_LEAD_SCORED, SALES_LEAD_CONVERTED, SALES_REFERRAL_CONVERTED,
            CLV_CUSTOMER_VALUE_PREDICTED, CLV_CUSTOMER_VALUE_DECILE_CHANGED,
            RECOMMENDATION_MODEL_VERSION_TRAINED, RECOMMENDATION_CONVERTED, RECOMMENDATION_NEXT_BEST_ACTION_ISSUED,
            RECOMMENDATION_NEXT_BEST_ACTION_ACCEPTED,
            JOURNEY_STAGE_ENTERED, JOURNEY_COMPLETED, JOURNEY_ABANDONED, JOURNEY_RECOVERED, JOURNEY_ACTION_REQUESTED,
            SENTIMENT_CUSTOMER_AT_RISK, SENTIMENT_CUSTOMER_SENTIMENT_CHANGED, SENTIMENT_TEXT_SCORED,
            SALES_MODEL_VERSION_TRAINED, CLV_MODEL_VERSION_TRAINED,
            PERSONALIZATION_MODEL_VERSION_REGISTERED, PERSONALIZATION_MODEL_ALIAS_MOVED,
            RECOMMENDATION_NEXT_BEST_ACTION_EXPIRED, PERSONALIZATION_EXPERIMENT_PUBLISHED,
            PERSONALIZATION_EXPERIMENT_CHANGED,
            PERSONALIZATION_EXPERIMENT_SRM_DETECTED);

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
