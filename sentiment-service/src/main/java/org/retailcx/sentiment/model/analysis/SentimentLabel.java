package org.retailcx.sentiment.model.analysis;

/** The three labels of the bronze/silver schema. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
