package org.retailcx.synthetic.sentiment;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The bank's customers in the four other channels sentiment-service reads — call transcripts with speaker turns,
 * e-mails both ways, survey verbatims with an NPS rating, social posts — with the same plants as the chats: the
 * unhappy customers (the chats' set, so a customer is unhappy everywhere) say so in every channel, some of them that
 * they will leave; and personal data is planted where customers really type or say it (a card number read out on a
 * call, an IBAN for a refund in an e-mail, a phone number in a survey, an e-mail address and a national insurance
 * number in a post), each recorded with the text it is in so the loader can check it is not stored.
 */
public final class ChannelTextsGenerator {

    /** A planted piece of personal data: the channel and record it is in, its type and value. */
    public record Plant(String channel, String sourceRecordId, String type, String value) {
    }

    /** Records per channel as the service's batch endpoints take them, and the plants. */
    public record Texts(List<Map<String, Object>> calls, List<Map<String, Object>> emails,
            List<Map<String, Object>> surveys, List<Map<String, Object>> social, List<Plant> plants) {
    }

    private static final String[] CALL_OPENING = {
        "I am calling about a payment on my current account.",
        "I need some help with my card, it was declined at a shop.",
        "I have a question about my mortgage statement.",
    };
    private static final String[] CALL_RESOLVED = {
        "That is perfect, thank you so much for sorting it out.",
        "Brilliant, thanks for your help, that was really quick.",
        "Great, I really appreciate it, have a nice day.",
    };
    private static final String[] CALL_UNHAPPY = {
        "This is ridiculous, I have been charged again and nobody can explain why.",
        "I am furious, my card was blocked for no reason and I was stuck at the till.",
        "Your fees are outrageous and I waited an hour on hold, this is terrible.",
    };
    private static final String[] CALL_UNHAPPY_END = {
        "No, that does not help at all. I am closing my account and moving to another bank.",
        "This is useless and I am fed up. I will take my business elsewhere.",
        "Terrible service, I am very disappointed and still angry.",
    };
    private static final String[] AGENT = {
        "Good morning, thank you for calling, how can I help?",
        "Let me look into that for you right away.",
        "I am sorry about that, I have refunded the charge.",
    };
    private static final String[] EMAIL_HAPPY = {
        "Thank you for the quick help with my savings account, the new rate is great.",
        "Just wanted to say the branch staff were lovely and very helpful yesterday.",
    };
    private static final String[] EMAIL_NEUTRAL = {
        "Please send me a copy of my annual statement.",
        "Could you confirm the date my new debit card will arrive?",
    };
    private static final String[] EMAIL_UNHAPPY = {
        "I am writing to complain about the unfair overdraft charges on my account. This is unacceptable.",
        "Your app has been broken for a week and I cannot pay my bills. I want to close my account.",
    };
    private static final String[] SURVEY_HAPPY = {
        "Friendly staff and a really easy mobile app.",
        "Quick and helpful service every time, thank you.",
    };
    private static final String[] SURVEY_UNHAPPY = {
        "Hidden fees and terrible customer service. I am switching banks.",
        "Awful waiting times and nobody ever calls back, very disappointed.",
    };
    private static final String[] SOCIAL_HAPPY = {
        "Loving the new card controls in the app, great job!",
        "Shout out to the branch team, super helpful today.",
    };
    private static final String[] SOCIAL_NEUTRAL = {
        "Does anyone know if the bank app supports contactless on watches?",
        "Branch opening hours changed again this week.",
    };
    private static final String[] SOCIAL_UNHAPPY = {
        "Worst bank ever, charged me twice and the app crashed again. Avoid!",
        "Absolutely disgusted with the service, moving my money to another bank.",
    };
    private static final String[] NI_PREFIXES = { "AB", "CE", "JK", "PR", "SW" };

    private ChannelTextsGenerator() {
    }

    /**
     * Texts for customers ACC-0000001.. {@code customers}: about a third have a call, a third an e-mail, two in five
     * a survey answer and one in ten a post (plus posts by handles matched to no customer). Deterministic for a seed.
     */
    public static Texts generate(int customers, long seed, Set<String> unhappyCustomers) {
        Random random = new Random(seed);
        Texts texts = new Texts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        OffsetDateTime start = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        for (int c = 1; c <= customers; c++) {
            String customer = String.format("ACC-%07d", c);
            boolean unhappy = unhappyCustomers.contains(customer);
            OffsetDateTime at = start.plusMinutes(random.nextInt(60 * 24 * 28));
            if (random.nextDouble() < 0.35) {
                call(texts, customer, unhappy, at, random);
            }
            if (random.nextDouble() < 0.35) {
                email(texts, customer, unhappy, at.plusHours(3), random);
            }
            if (random.nextDouble() < 0.4) {
                survey(texts, customer, unhappy, at.plusDays(1), random);
            }
            if (random.nextDouble() < 0.1) {
                social(texts, "SOC-" + customer, customer, unhappy ? SOCIAL_UNHAPPY : SOCIAL_HAPPY, at.plusHours(5),
                        random);
            }
        }
        for (int p = 1; p <= customers / 20; p++) { // handles the bank could not match to a customer
            social(texts, String.format("SOC-ANON-%05d", p), null, SOCIAL_NEUTRAL, start.plusHours(7L * p), random);
        }
        return texts;
    }

    private static void call(Texts texts, String customer, boolean unhappy, OffsetDateTime at, Random random) {
        String id = "CALL-" + customer;
        String opening = unhappy ? pick(CALL_UNHAPPY, random) : pick(CALL_OPENING, random);
        if (random.nextDouble() < 0.1) {
            String card = ChatGenerator.luhnCard(random);
            opening += " The card number is " + spaced(card) + ".";
            texts.plants().add(new Plant("call", id, "card", card));
        }
        String[][] turns = {
            { "Agent", pick(AGENT, random) },
            { "Customer", opening },
            { "Agent", pick(AGENT, random) },
            { "Customer", unhappy ? pick(CALL_UNHAPPY_END, random) : pick(CALL_RESOLVED, random) },
        };
        List<Map<String, Object>> list = new ArrayList<>();
        double offset = 0;
        for (String[] turn : turns) {
            list.add(record("speaker", turn[0], "offsetSeconds", offset, "text", turn[1]));
            offset += 15 + random.nextInt(90);
        }
        texts.calls().add(record("transcriptId", id, "callId", "CID-" + customer, "customerId", customer,
                "agentId", "AGENT-" + (1 + random.nextInt(12)), "startedAt", at.toString(),
                "durationSeconds", (int) offset + 30, "turns", list, "language", "en",
                "product", unhappy ? "current-account" : "card"));
    }

    private static void email(Texts texts, String customer, boolean unhappy, OffsetDateTime at, Random random) {
        String id = "MAIL-" + customer;
        String body = unhappy ? pick(EMAIL_UNHAPPY, random)
                : pick(random.nextBoolean() ? EMAIL_HAPPY : EMAIL_NEUTRAL, random);
        if (random.nextDouble() < 0.15) {
            String iban = ukIban(random);
            body += " Please refund the money to " + iban + ".";
            texts.plants().add(new Plant("email", id, "iban", iban));
        }
        texts.emails().add(record("emailId", id, "customerId", customer, "sentAt", at.toString(),
                "direction", "Inbound", "subject", unhappy ? "Complaint" : "My account", "body", body,
                "urgencyFlag", unhappy, "language", "en", "product", "current-account"));
        texts.emails().add(record("emailId", id + "-REPLY", "customerId", customer,
                "sentAt", at.plusHours(2).toString(), "direction", "Outbound", "subject", "Re: your message",
                "body", "Thank you for your message, we are looking into it and will reply within two days.",
                "urgencyFlag", false, "language", "en", "product", "current-account"));
    }

    private static void survey(Texts texts, String customer, boolean unhappy, OffsetDateTime at, Random random) {
        String id = "NPS-" + customer;
        String response = unhappy ? pick(SURVEY_UNHAPPY, random) : pick(SURVEY_HAPPY, random);
        if (random.nextDouble() < 0.1) {
            String phone = "+44 20 7946 0" + String.format("%03d", random.nextInt(1000));
            response += " Call me on " + phone + ".";
            texts.plants().add(new Plant("survey", id, "phone", phone));
        }
        texts.surveys().add(record("responseId", id, "surveyId", "NPS-2026-11", "customerId", customer,
                "respondedAt", at.toString(), "question", "What is the main reason for your score?",
                "response", response, "rating", unhappy ? random.nextInt(4) : 8 + random.nextInt(3),
                "language", "en", "product", "current-account"));
    }

    private static void social(Texts texts, String id, String customer, String[] pool, OffsetDateTime at,
            Random random) {
        String text = pick(pool, random);
        if (customer != null && random.nextDouble() < 0.2) {
            String email = customer.toLowerCase() + "@example.org";
            String ni = NI_PREFIXES[random.nextInt(NI_PREFIXES.length)] + String.format(" %02d %02d %02d ",
                    random.nextInt(100), random.nextInt(100), random.nextInt(100)) + "ABCD".charAt(random.nextInt(4));
            text += " DM me at " + email + ", my NI number is " + ni + ".";
            texts.plants().add(new Plant("social", id, "email", email));
            texts.plants().add(new Plant("social", id, "national-id", ni));
        }
        texts.social().add(record("mentionId", id, "platform", random.nextBoolean() ? "x" : "trustpilot",
                "customerId", customer, "postedAt", at.toString(), "text", text, "likes", random.nextInt(50),
                "shares", random.nextInt(10), "comments", random.nextInt(20), "brandMentionFlag", true,
                "language", "en", "product", "card"));
    }

    /** A UK IBAN (GBkk BANK sort code account) whose check digits pass ISO 13616's mod-97 test, in groups of four. */
    static String ukIban(Random random) {
        StringBuilder bban = new StringBuilder("NWBK");
        for (int i = 0; i < 14; i++) {
            bban.append(random.nextInt(10));
        }
        int check = 98 - mod97(bban + "GB00");
        String iban = "GB" + String.format("%02d", check) + bban;
        return spaced(iban);
    }

    /** ISO 13616: the number the letters (A = 10 … Z = 35) and digits spell, mod 97. */
    static int mod97(String rearranged) {
        StringBuilder digits = new StringBuilder();
        for (char ch : rearranged.toUpperCase().toCharArray()) {
            digits.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    /** An IBAN's check: the first four characters moved to the end, mod 97 = 1. */
    static boolean ibanValid(String iban) {
        String compact = iban.replace(" ", "");
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    private static String spaced(String value) {
        return String.join(" ", value.split("(?<=\\G.{4})"));
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
