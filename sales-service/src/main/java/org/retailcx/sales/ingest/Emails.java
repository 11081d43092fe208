package org.retailcx.sales.ingest;

/**
 * E-mail addresses as CRMs send them often carry surrounding spaces; they are trimmed before the shape check, so
 * only what is not an address is refused. Blank means no address.
 */
final class Emails {

    private Emails() {
    }

    static String trimmed(String email) {
        if (email == null) {
            return null;
        }
        String stripped = email.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
