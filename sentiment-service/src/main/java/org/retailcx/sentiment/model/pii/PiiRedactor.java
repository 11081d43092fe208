package org.retailcx.sentiment.model.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in free text by typed placeholders before anything is analysed or stored: e-mail
 * addresses, IBANs (country length and ISO 7064 mod-97 checked), payment card numbers (13–19 digits, spaces or
 * dashes allowed, Luhn checked), national ids (UK National Insurance numbers, US social security numbers, and any
 * id introduced by words such as "passport" or "tax id"), phone numbers, and account numbers (introduced by
 * "account" or "sort code", or any remaining run of nine or more digits — a mistyped card number is still redacted,
 * only under {@link PiiType#ACCOUNT}).
 *
 * <p>Detectors run in that order and a later one never touches text an earlier one claimed, so a card number is
 * not half-eaten by the phone pattern. Stateless and thread-safe.
 */
public final class PiiRedactor {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    /** Start of an IBAN: an IBAN country and two check digits; the rest is validated, not pattern-matched. */
    private static final Pattern IBAN_START = Pattern.compile("(?i)(?<![A-Za-z0-9])([A-Z]{2})\\d{2}");

    /** IBAN lengths per country (SWIFT IBAN registry), for the countries a European retail bank meets most. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23), Map.entry("GL", 18),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
            Map.entry("ME", 22), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24),
            Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("TR", 26), Map.entry("UA", 29));

    /** Digits with single spaces or dashes between them (at most two in a row), not glued to other digits. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\d+])\\d(?:[ -]{0,2}\\d)+(?!\\d)");

    private static final Pattern UK_NATIONAL_INSURANCE = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                    + " ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])");

    private static final Pattern US_SOCIAL_SECURITY = Pattern.compile(
            "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\d-])");

    /** An id introduced by what it is; only the value (one token holding a digit) is redacted. */
    private static final Pattern INTRODUCED_NATIONAL_ID = Pattern.compile(
            "(?i)\\b(?:passport|national\\s+id(?:entity)?|identity\\s+(?:card|number)|id\\s+(?:card|number|no)"
                    + "|social\\s+security|ssn|nino|ni\\s+number|national\\s+insurance|tax\\s+(?:id|number|code)"
                    + "|tin|driving\\s+licen[cs]e|driver'?s\\s+licen[cs]e|dni|nie|bsn|personnummer|steuer-?id)"
                    + "(?:\\s+(?:number|no\\.?|is|was|#))*\\s*[:#]?\\s*"
                    + "((?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])(?![A-Za-z0-9])");

    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
            "(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}(?!\\d)");

    private static final Pattern NATIONAL_PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\(0\\d{2,4}\\)|0\\d{2,4})[ .-]?\\d{3,4}[ .-]?\\d{3,4}(?!\\d)"
                    + "|(?<![\\w+])(?:\\(\\d{3}\\)|\\d{3})[ .-]\\d{3}[ .-]\\d{4}(?!\\d)");

    private static final Pattern INTRODUCED_ACCOUNT = Pattern.compile(
            "(?i)\\b(?:account|acct|a/c|sort\\s*code)(?:\\s+(?:number|no\\.?|num|is|was|#))*\\s*[:#]?\\s*"
                    + "(\\d(?:[ -]?\\d){5,})(?!\\d)");

    private static final int MIN_BARE_ACCOUNT_DIGITS = 9;

    public RedactedText redact(String text) {
        List<Span> spans = new ArrayList<>();
        addMatches(spans, text, EMAIL, 0, PiiType.EMAIL);
        addIbans(spans, text);
        addCardNumbers(spans, text);
        addMatches(spans, text, UK_NATIONAL_INSURANCE, 0, PiiType.NATIONAL_ID);
        addMatches(spans, text, US_SOCIAL_SECURITY, 0, PiiType.NATIONAL_ID);
        addMatches(spans, text, INTRODUCED_NATIONAL_ID, 1, PiiType.NATIONAL_ID);
        addPhones(spans, text, INTERNATIONAL_PHONE, 8);
        addPhones(spans, text, NATIONAL_PHONE, 10);
        addMatches(spans, text, INTRODUCED_ACCOUNT, 1, PiiType.ACCOUNT);
        addBareAccountNumbers(spans, text);
        return replace(text, spans);
    }

    private record Span(int start, int end, PiiType type) {
        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    private static void claim(List<Span> spans, Span candidate) {
        for (Span span : spans) {
            if (span.overlaps(candidate)) {
                return;
            }
        }
        spans.add(candidate);
    }

    private static void addMatches(List<Span> spans, String text, Pattern pattern, int group, PiiType type) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            claim(spans, new Span(matcher.start(group), matcher.end(group), type));
        }
    }

    private static void addIbans(List<Span> spans, String text) {
        Matcher matcher = IBAN_START.matcher(text);
        while (matcher.find()) {
            Integer length = IBAN_LENGTHS.get(matcher.group(1).toUpperCase(Locale.ROOT));
            if (length == null) {
                continue;
            }
            int end = ibanEnd(text, matcher.start(), length);
            if (end > 0) {
                claim(spans, new Span(matcher.start(), end, PiiType.IBAN));
            }
        }
    }

    /** Where an IBAN of the given length starting at {@code start} ends (single spaces allowed), or −1. */
    private static int ibanEnd(String text, int start, int length) {
        StringBuilder compact = new StringBuilder(length);
        int i = start;
        while (i < text.length() && compact.length() < length) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                compact.append(Character.toUpperCase(c));
                i++;
            } else if (c == ' ' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        boolean endsOnBoundary = i == text.length() || !Character.isLetterOrDigit(text.charAt(i));
        return compact.length() == length && endsOnBoundary && mod97(compact) == 1 ? i : -1;
    }

    /** ISO 7064 MOD 97-10 over the IBAN with its first four characters moved to the end, letters as 10..35. */
    static int mod97(CharSequence iban) {
        int remainder = 0;
        for (int k = 0; k < iban.length(); k++) {
            char c = iban.charAt((k + 4) % iban.length());
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }

    private static void addCardNumbers(List<Span> spans, String text) {
        Matcher matcher = DIGIT_RUN.matcher(text);
        while (matcher.find()) {
            String digits = digitsOf(matcher.group());
            if (digits.length() >= 13 && digits.length() <= 19 && passesLuhn(digits)) {
                claim(spans, new Span(matcher.start(), matcher.end(), PiiType.CARD));
            }
        }
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static void addPhones(List<Span> spans, String text, Pattern pattern, int minDigits) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            int digits = digitsOf(matcher.group()).length();
            if (digits >= minDigits && digits <= 15) {
                claim(spans, new Span(matcher.start(), matcher.end(), PiiType.PHONE));
            }
        }
    }

    private static void addBareAccountNumbers(List<Span> spans, String text) {
        Matcher matcher = DIGIT_RUN.matcher(text);
        while (matcher.find()) {
            if (digitsOf(matcher.group()).length() >= MIN_BARE_ACCOUNT_DIGITS) {
                claim(spans, new Span(matcher.start(), matcher.end(), PiiType.ACCOUNT));
            }
        }
    }

    private static String digitsOf(String s) {
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                digits.append(s.charAt(i));
            }
        }
        return digits.toString();
    }

    private static RedactedText replace(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return new RedactedText(text, List.of());
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length());
        List<RedactedText.Redaction> redactions = new ArrayList<>(spans.size());
        int position = 0;
        for (Span span : spans) {
            out.append(text, position, span.start());
            int placeholderStart = out.length();
            out.append(span.type().placeholder());
            redactions.add(new RedactedText.Redaction(span.type(), placeholderStart, out.length()));
            position = span.end();
        }
        out.append(text, position, text.length());
        return new RedactedText(out.toString(), redactions);
    }
}
