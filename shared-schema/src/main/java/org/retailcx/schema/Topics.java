package org.retailcx.schema;

/** Logical topic names. A deployment may prefix them (see {@code retailcx.kafka.topic-prefix}). */
public final class Topics {

    /** Lifecycle events of sales opportunities, keyed by customer id. */
    public static final String SALES_OPPORTUNITY = "retailcx.sales.opportunity";

    /** Commission lines booked by the commission engine, keyed by customer id. */
    public static final String SALES_COMMISSION = "retailcx.sales.commission";

    private Topics() {
    }

    /** The dead-letter topic of a consuming service. */
    public static String deadLetter(String serviceName) {
        return "retailcx." + serviceName + ".dlq";
    }
}
