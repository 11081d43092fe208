package org.retailcx.sentiment.model.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots a customer saying they will leave: closing an account, switching or moving to another bank, taking their
 * money or business elsewhere, cancelling a product. A negation shortly before ("I don't want to close my account",
 * "not switching banks") cancels the match; "never ... again" is itself an intent.
 */
public final class LeaveIntentDetector {

    private static final String POSSESSIVE = "(?:my|our|the|this|all my|all of my|both my)";
    private static final Pattern INTENT = Pattern.compile(String.join("|",
            "\\bclos(?:e|ing|ed)\\s+(?:down\\s+)?" + POSSESSIVE + "\\s+(?:\\w+\\s+)?accounts?\\b",
            "\\bcancel(?:l?ing|l?ed)?\\s+" + POSSESSIVE + "\\s+(?:\\w+\\s+)?(?:account|card|mortgage|loan|membership)s?\\b",
            "\\bswitch(?:ing|ed)?\\s+(?:to\\s+(?:another|a\\s+different|a\\s+new)\\s+bank|banks?|providers?"
                    + "|my\\s+(?:account|mortgage|savings)|away)\\b",
            "\\bmov(?:e|ing)\\s+" + POSSESSIVE + "\\s+(?:money|savings|account|accounts|mortgage|business)\\b",
            "\\b(?:take|taking)\\s+my\\s+(?:business|money|custom)\\s+(?:elsewhere|somewhere\\s+else)\\b",
            "\\b(?:leave|leaving)\\s+(?:this|your|the)\\s+bank\\b",
            "\\b(?:i\\s*'?m|i\\s+am|we\\s*'?re|we\\s+are)\\s+(?:leaving|done\\s+with\\s+(?:you|this\\s+bank|your\\s+bank))\\b",
            "\\bnever\\s+(?:bank|banking|use|using)\\s+(?:with\\s+)?(?:you|this\\s+bank|your\\s+bank)\\s+again\\b",
            "\\b(?:find|finding|look(?:ing)?\\s+for)\\s+(?:a\\s+)?(?:new|another|different)\\s+bank\\b",
            "\\b(?:transfer(?:ring)?|withdraw(?:ing)?)\\s+(?:everything|all\\s+my\\s+(?:money|savings|funds))\\s+out\\b"));

    private static final Pattern NEGATION_BEFORE = Pattern.compile(
            "\\b(?:not|no|don'?t|do\\s+not|won'?t|will\\s+not|wouldn'?t|never|didn'?t|no\\s+plans?\\s+to|doesn'?t)"
                    + "(?:\\s+\\w+){0,3}\\s*$");

    /** The phrase that voices the intent, if any (lower case, as found). */
    public Optional<String> detect(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        Matcher matcher = INTENT.matcher(lower);
        while (matcher.find()) {
            String phrase = matcher.group();
            int windowStart = Math.max(0, matcher.start() - 40);
            String before = lower.substring(windowStart, matcher.start());
            if (phrase.startsWith("never") || !NEGATION_BEFORE.matcher(before).find()) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }
}
