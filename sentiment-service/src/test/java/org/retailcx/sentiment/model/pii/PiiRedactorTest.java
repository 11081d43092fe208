package org.retailcx.sentiment.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiRedactorTest {

    private final PiiRedactor redactor = new PiiRedactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            my card is 4111 1111 1111 1111 and it was declined       | my card is [CARD] and it was declined
            card 5500-0000-0000-0004, expiry 04/27                    | card [CARD], expiry 04/27
            amex 378282246310005.                                     | amex [CARD].
            visa 4222222222222 old                                    | visa [CARD] old
            pay to GB82 WEST 1234 5698 7654 32 today                  | pay to [IBAN] today
            iban de89370400440532013000 please                        | iban [IBAN] please
            mail me at jane.doe+bank@example.co.uk now                | mail me at [EMAIL] now
            call +44 20 7946 0958 or 020 7946 0958                    | call [PHONE] or [PHONE]
            my mobile is 07700 900123                                 | my mobile is [PHONE]
            US office (555) 123-4567                                  | US office [PHONE]
            NI number AB 12 34 56 C on file                           | NI number [NATIONAL_ID] on file
            SSN 123-45-6789 is mine                                   | SSN [NATIONAL_ID] is mine
            passport no. 533401372 expired                            | passport no. [NATIONAL_ID] expired
            account number 12345678 sort code 12-34-56                | account number [ACCOUNT] sort code [ACCOUNT]
            """)
    void replacesEachKindByItsPlaceholder(String text, String expected) {
        assertEquals(expected, redactor.redact(text).text());
    }

    @Test
    void leavesAmountsDatesAndDurationsAlone() {
        String text = "I paid £1,250.50 on 24/11/2026 at 14:05, waited 45 minutes, rate 4.5% for 25 years";
        RedactedText redacted = redactor.redact(text);
        assertEquals(text, redacted.text());
        assertTrue(redacted.redactions().isEmpty());
    }

    @Test
    void checksumsDecideBetweenCardsIbansAndOtherNumbers() {
        // one digit off: not a valid card or IBAN, but still no long number is kept
        RedactedText card = redactor.redact("card 4111 1111 1111 1112");
        assertEquals("card [ACCOUNT]", card.text());
        RedactedText iban = redactor.redact("to GB82 WEST 1234 5698 7654 33");
        assertFalse(iban.text().contains("[IBAN]"), iban.text());
        assertTrue(PiiRedactor.passesLuhn("79927398713"));
        assertFalse(PiiRedactor.passesLuhn("79927398710"));
        assertEquals(1, PiiRedactor.mod97("GB82WEST12345698765432"));
    }

    @Test
    void recordsWhereEachPlaceholderStandsWithoutTheValue() {
        RedactedText redacted = redactor.redact("card 4111111111111111, email a@b.com");
        assertEquals(Map.of(PiiType.CARD, 1, PiiType.EMAIL, 1), redacted.countsByType());
        for (RedactedText.Redaction redaction : redacted.redactions()) {
            assertEquals(redaction.type().placeholder(), redacted.text().substring(redaction.start(), redaction.end()));
        }
        assertFalse(redacted.toString().contains("4111"));
    }

    /** 2,000 seeded texts with Luhn-valid numbers of 13–19 digits in assorted formats: none survives. */
    @Test
    void noCardNumberSurvivesSeededText() {
        Random random = new Random(14);
        String[] templates = {"my card %s was charged twice", "card:%s.", "(%s)", "number %s, exp 12/28",
            "I typed %s\nand it failed", "cc#%s thanks", "%s", "refund to %s please!!"};
        int cards = 0;
        for (int n = 0; n < 2_000; n++) {
            String digits = luhnValid(random, 13 + random.nextInt(7));
            String formatted = format(random, digits);
            String text = String.format(templates[random.nextInt(templates.length)], formatted)
                    + " on 24/11/2026, £" + random.nextInt(5000);
            RedactedText redacted = redactor.redact(text);
            assertFalse(containsLuhnValidCardNumber(redacted.text()), () -> text + " → " + redacted.text());
            assertFalse(redacted.text().replaceAll("[^0-9]", "").contains(digits), text);
            cards += redacted.countsByType().getOrDefault(PiiType.CARD, 0);
        }
        assertEquals(2_000, cards);
    }

    private static String luhnValid(Random random, int length) {
        StringBuilder digits = new StringBuilder();
        digits.append(3 + random.nextInt(4));
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (PiiRedactor.passesLuhn(digits.toString() + check)) {
                return digits.append(check).toString();
            }
        }
        throw new AssertionError("no check digit");
    }

    private static String format(Random random, String digits) {
        String separator = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "-";
            default -> "  ";
        };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static final Pattern DIGITS_WITH_SEPARATORS = Pattern.compile("\\d(?:[^A-Za-z\\n]{0,3}?\\d)*");

    /** Any 13–19 digit window, separators ignored, that passes Luhn counts as a surviving card number. */
    private static boolean containsLuhnValidCardNumber(String text) {
        Matcher matcher = DIGITS_WITH_SEPARATORS.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[^0-9]", "");
            for (int length = 13; length <= 19; length++) {
                for (int start = 0; start + length <= digits.length(); start++) {
                    if (PiiRedactor.passesLuhn(digits.substring(start, start + length))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
