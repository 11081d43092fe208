package org.retailcx.personalization.ingest;

/**
 * What a prediction predicts: the roadmap's five types, plus the lead-conversion probability sales-service's lead
 * scoring publishes.
 */
public final class PredictionTypes {

    public static final String CLV = "CLV";
    public static final String LEAD_CONVERSION = "Lead Conversion";

    static final String PATTERN = "Churn|Cross-Sell|CLV|Product Affinity|Next Best Action|Lead Conversion";
    static final String LIST = "Churn, Cross-Sell, CLV, Product Affinity, Next Best Action, Lead Conversion";

    private PredictionTypes() {
    }
}
