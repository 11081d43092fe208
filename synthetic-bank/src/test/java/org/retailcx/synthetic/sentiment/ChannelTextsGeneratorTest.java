package org.retailcx.synthetic.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ChannelTextsGeneratorTest {

    private static final Pattern UNHAPPY_WORDS = Pattern.compile(
            "(?i)ridiculous|furious|outrageous|terrible|complain|unacceptable|broken|close my account|hidden fees"
                    + "|awful|disappointed|worst|disgusted|angry|useless|fed up|closing my account|another bank|switching");

    private static final ChatGenerator.Chats CHATS = ChatGenerator.generate(500, 42);
    private static final ChannelTextsGenerator.Texts TEXTS = ChannelTextsGenerator.generate(500, 42,
            CHATS.unhappyCustomers());

    @Test
    void everyChannelIsThereAndTheSameSeedGivesTheSameTexts() {
        assertEquals(TEXTS, ChannelTextsGenerator.generate(500, 42, CHATS.unhappyCustomers()));
        assertTrue(TEXTS.calls().size() > 100 && TEXTS.emails().size() > 200 && TEXTS.surveys().size() > 100
                && TEXTS.social().size() > 40, "calls " + TEXTS.calls().size() + ", emails " + TEXTS.emails().size()
                + ", surveys " + TEXTS.surveys().size() + ", social " + TEXTS.social().size());
        assertTrue(TEXTS.social().stream().anyMatch(p -> p.get("customerId") == null), "unmatched handles too");
        assertTrue(TEXTS.emails().stream().anyMatch(m -> "Outbound".equals(m.get("direction"))), "the bank's replies");
    }

    @Test
    void transcriptsKeepSpeakerTurnsInTimeWithinTheCall() {
        for (Map<String, Object> call : TEXTS.calls()) {
            List<?> turns = (List<?>) call.get("turns");
            assertEquals(4, turns.size());
            double previous = -1;
            for (int t = 0; t < turns.size(); t++) {
                Map<?, ?> turn = (Map<?, ?>) turns.get(t);
                assertEquals(t % 2 == 0 ? "Agent" : "Customer", turn.get("speaker"));
                double offset = (Double) turn.get("offsetSeconds");
                assertTrue(offset > previous && offset <= (Integer) call.get("durationSeconds"), call.toString());
                previous = offset;
            }
        }
    }

    @Test
    void unhappyCustomersSaySoInEveryChannelTheyUseAndNobodyElseDoes() {
        Set<String> unhappy = CHATS.unhappyCustomers();
        Map<Boolean, List<String>> byMood = customerVoice()
                .collect(Collectors.partitioningBy(v -> unhappy.contains(v[0]), Collectors.mapping(v -> v[1],
                        Collectors.toList())));
        assertTrue(byMood.get(true).size() > 30, "unhappy texts: " + byMood.get(true).size());
        byMood.get(true).forEach(text -> assertTrue(UNHAPPY_WORDS.matcher(text).find(), text));
        byMood.get(false).forEach(text -> assertFalse(UNHAPPY_WORDS.matcher(text).find(), text));
        // survey ratings agree with the words: detractors 0..3, promoters 8..10
        for (Map<String, Object> s : TEXTS.surveys()) {
            int rating = (Integer) s.get("rating");
            assertTrue(unhappy.contains(s.get("customerId")) ? rating <= 3 : rating >= 8, s.toString());
        }
        long leaving = customerVoice().filter(v -> unhappy.contains(v[0]))
                .filter(v -> v[1].matches("(?s).*(closing my account|close my account|switching banks"
                        + "|another bank|business elsewhere).*")).map(v -> v[0]).distinct().count();
        assertTrue(leaving >= 10, "unhappy customers who say they will leave: " + leaving);
    }

    @Test
    void plantedPersonalDataIsValidAndSitsInTheTextItIsRecordedFor() {
        Map<String, Long> byType = TEXTS.plants().stream()
                .collect(Collectors.groupingBy(ChannelTextsGenerator.Plant::type, Collectors.counting()));
        assertEquals(Set.of("card", "iban", "phone", "email", "national-id"), byType.keySet(), byType.toString());
        for (ChannelTextsGenerator.Plant p : TEXTS.plants()) {
            switch (p.type()) {
                case "card" -> assertTrue(p.value().length() == 16 && ChatGenerator.luhnValid(p.value()), p.value());
                case "iban" -> assertTrue(p.value().startsWith("GB") && ChannelTextsGenerator.ibanValid(p.value()),
                        p.value());
                default -> assertFalse(p.value().isBlank());
            }
            String text = textOf(p.channel(), p.sourceRecordId()).replace(" ", "");
            assertTrue(text.contains(p.value().replace(" ", "")), p + " in " + text);
        }
    }

    @Test
    void ibanCheckDigitsFollowIso13616() {
        assertTrue(ChannelTextsGenerator.ibanValid("GB82 WEST 1234 5698 7654 32")); // the ECBS example
        assertFalse(ChannelTextsGenerator.ibanValid("GB82 WEST 1234 5698 7654 33"));
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            assertTrue(ChannelTextsGenerator.ibanValid(ChannelTextsGenerator.ukIban(random)));
        }
    }

    /** (customer, text) of every text in the customer's own voice. */
    private static Stream<String[]> customerVoice() {
        Stream<String[]> calls = TEXTS.calls().stream().flatMap(c -> ((List<?>) c.get("turns")).stream()
                .map(t -> (Map<?, ?>) t).filter(t -> "Customer".equals(t.get("speaker")))
                .map(t -> new String[] { (String) c.get("customerId"), (String) t.get("text") }));
        Stream<String[]> emails = TEXTS.emails().stream().filter(m -> "Inbound".equals(m.get("direction")))
                .map(m -> new String[] { (String) m.get("customerId"), (String) m.get("body") });
        Stream<String[]> surveys = TEXTS.surveys().stream()
                .map(s -> new String[] { (String) s.get("customerId"), (String) s.get("response") });
        Stream<String[]> social = TEXTS.social().stream().filter(p -> p.get("customerId") != null)
                .map(p -> new String[] { (String) p.get("customerId"), (String) p.get("text") });
        return Stream.of(calls, emails, surveys, social).flatMap(s -> s);
    }

    private static String textOf(String channel, String id) {
        return switch (channel) {
            case "call" -> TEXTS.calls().stream().filter(c -> id.equals(c.get("transcriptId"))).findFirst()
                    .orElseThrow().get("turns").toString();
            case "email" -> TEXTS.emails().stream().filter(m -> id.equals(m.get("emailId"))).findFirst()
                    .orElseThrow().get("body").toString();
            case "survey" -> TEXTS.surveys().stream().filter(s -> id.equals(s.get("responseId"))).findFirst()
                    .orElseThrow().get("response").toString();
            default -> TEXTS.social().stream().filter(p -> id.equals(p.get("mentionId"))).findFirst()
                    .orElseThrow().get("text").toString();
        };
    }
}
