package org.retailcx.sentiment.model.pii;

/** The kinds of personal data the redactor removes; each becomes its placeholder, e.g. {@code [CARD]}. */
public enum PiiType {
    CARD,
    IBAN,
    ACCOUNT,
    NATIONAL_ID,
    PHONE,
    EMAIL;

    public String placeholder() {
        return "[" + name() + "]";
    }
}
