package org.retailcx.sentiment.model.pii;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A text with its personal data replaced by typed placeholders. The redactions say what was removed and where the
 * placeholder now stands, never the removed value, so this object can be logged or stored as it is.
 */
public record RedactedText(String text, List<Redaction> redactions) {

    public RedactedText {
        redactions = List.copyOf(redactions);
    }

    /** One placeholder: its type and its character range in {@link #text()}. */
    public record Redaction(PiiType type, int start, int end) {
    }

    public Map<PiiType, Integer> countsByType() {
        Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
        for (Redaction redaction : redactions) {
            counts.merge(redaction.type(), 1, Integer::sum);
        }
        return counts;
    }
}
