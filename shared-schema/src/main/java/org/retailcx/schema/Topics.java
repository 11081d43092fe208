package org.retailcx.schema;

/** Logical topic names. A deployment may prefix them (see {@code retailcx.kafka.topic-prefix}). */
public final class Topics {

    /** Lifecycle events of sales opportunities, keyed by customer id. */
    public static final String SALES_OPPORTUNITY = "retailcx.sales.opportunity";

    /** Commission lines booked by the commission engine, keyed by customer id. */
    public static final String SALES_COMMISSION = "retailcx.sales.commission";

    /** Golden lead lifecycle (created, scored, converted), keyed by customer id if known, else golden lead id. */
    public static final String SALES_LEAD = "retailcx.sales.lead";

    /** Referral outcomes, keyed by the referred customer id if known, else the referrer's. */
    public static final String SALES_REFERRAL = "retailcx.sales.referral";

    /** Customer value predictions and decile changes from clv-service, keyed by customer id. */
    public static final String CLV_CUSTOMER_VALUE = "retailcx.clv.customer-value";

    /** Model versions recommendation-service trains (product recommender), keyed by model id. */
    public static final String RECOMMENDATION_MODEL_VERSION = "retailcx.recommendation.model-version";

    /** Outcomes of served recommendations (converted), keyed by customer id. */
    public static final String RECOMMENDATION_RECOMMENDATION = "retailcx.recommendation.recommendation";

    /** Next-best-actions issued and accepted, keyed by customer id. */
    public static final String RECOMMENDATION_NEXT_BEST_ACTION = "retailcx.recommendation.next-best-action";

    /** Journey instance lifecycle (stage entered, completed, abandoned, recovered), keyed by customer id. */
    public static final String JOURNEY_INSTANCE = "retailcx.journey.instance";

    /** Actions journeys request (channel messages, next-best-action requests), keyed by customer id. */
    public static final String JOURNEY_ACTION = "retailcx.journey.action";

    /** Customer sentiment events from sentiment-service (at risk, sentiment changed), keyed by customer id. */
    public static final String SENTIMENT_CUSTOMER = "retailcx.sentiment.customer";

    /** One event per analysed text (its score, for feature stores), keyed by customer id, else the text's id. */
    public static final String SENTIMENT_TEXT = "retailcx.sentiment.text";

    /** Model versions sales-service trains (lead scoring), keyed by model id. */
    public static final String SALES_MODEL_VERSION = "retailcx.sales.model-version";

    /** Model versions clv-service trains (CLV), keyed by model id. */
    public static final String CLV_MODEL_VERSION = "retailcx.clv.model-version";

    /** The model registry's versions and aliases, keyed by model id. */
    public static final String PERSONALIZATION_MODEL_VERSION = "retailcx.personalization.model-version";

    /** Experiment definitions as the client library evaluates them, keyed by experiment id. */
    public static final String PERSONALIZATION_EXPERIMENT = "retailcx.personalization.experiment";

    private Topics() {
    }

    /** The dead-letter topic of a consuming service. */
    public static String deadLetter(String serviceName) {
        return "retailcx." + serviceName + ".dlq";
    }
}
