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

    /** Model versions sales-service trains (lead scoring), keyed by model id. */
    public static final String SALES_MODEL_VERSION = "retailcx.sales.model-version";

    /** Model versions clv-service trains (CLV), keyed by model id. */
    public static final String CLV_MODEL_VERSION = "retailcx.clv.model-version";

    /** The model registry's versions and aliases, keyed by model id. */
    public static final String PERSONALIZATION_MODEL_VERSION = "retailcx.personalization.model-version";

    private Topics() {
    }

    /** The dead-letter topic of a consuming service. */
    public static String deadLetter(String serviceName) {
        return "retailcx." + serviceName + ".dlq";
    }
}
