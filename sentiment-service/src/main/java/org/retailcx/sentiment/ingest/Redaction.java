package org.retailcx.sentiment.ingest;

import org.retailcx.sentiment.model.pii.PiiRedactor;

/**
 * The redaction every channel's record goes through before bronze (its source's {@code beforeBronze} step), so that
 * no card number, IBAN, id, phone or e-mail address is stored anywhere — bronze's payload included.
 */
final class Redaction {

    private static final PiiRedactor REDACTOR = new PiiRedactor();

    private Redaction() {
    }

    /** The text with personal data replaced by typed placeholders; null stays null. */
    static String redact(String text) {
        return text == null ? null : REDACTOR.redact(text).text();
    }

    /** True when redaction changes nothing, so a record can keep its identity (and bronze the body as sent). */
    static boolean clean(String text, String redacted) {
        return text == null || text.equals(redacted);
    }
}
