package org.retailcx.synthetic.sentiment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chat conversations between the bank's customers (ACC-0000001...) and its agents, with two plants the sentiment
 * service must find: unhappy customers who say they will leave (its at-risk alerts), and personal data typed into
 * the chat (Luhn-valid card numbers and e-mail addresses) that must never be stored.
 */
public final class ChatGenerator {

    /** What was generated: the messages as sentiment-service's chat records, and the plants. */
    public record Chats(List<Map<String, Object>> messages, Set<String> unhappyCustomers, List<String> plantedCards) {
    }

    private static final String[] HAPPY = {
        "Thanks, the new app makes paying bills really easy.",
        "Great service today, my savings account was opened in minutes.",
        "The advisor was very helpful with my mortgage question, thank you!",
        "Love the instant notifications on my card, very reassuring.",
    };
    private static final String[] NEUTRAL = {
        "What time does the branch on Main Street open on Saturday?",
        "I would like to update my postal address.",
        "Can you tell me the interest rate on the fixed savings account?",
        "How do I order a new debit card?",
    };
    private static final String[] UNHAPPY = {
        "This is the third time I have been charged an overdraft fee I did not cause. Terrible.",
        "I have waited 40 minutes on hold and nobody helps me, this is awful.",
        "Your fees are outrageous and the app keeps crashing. I am closing my account and moving to another bank.",
        "I am fed up with these hidden charges, I want to close all my accounts.",
    };
    private static final String[] AGENT = {
        "Thank you for contacting us, I am happy to help.",
        "I understand, let me look into this for you.",
        "I am sorry to hear that, I will escalate this right away.",
    };

    private ChatGenerator() {
    }

    /** {@code customers} customers, about one in ten of them unhappy; deterministic for a seed. */
    public static Chats generate(int customers, long seed) {
        Random random = new Random(seed);
        List<Map<String, Object>> messages = new ArrayList<>();
        Set<String> unhappy = new TreeSet<>();
        List<String> cards = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        for (int c = 1; c <= customers; c++) {
            String customer = String.format("ACC-%07d", c);
            boolean isUnhappy = random.nextDouble() < 0.1;
            if (isUnhappy) {
                unhappy.add(customer);
            }
            String chat = "CHAT-" + customer;
            OffsetDateTime at = start.plusMinutes(random.nextInt(60 * 24 * 28));
            int turns = 2 + random.nextInt(3);
            for (int t = 0; t < turns; t++) {
                boolean fromCustomer = t % 2 == 0;
                String text;
                if (!fromCustomer) {
                    text = AGENT[random.nextInt(AGENT.length)];
                } else if (isUnhappy) {
                    text = UNHAPPY[random.nextInt(UNHAPPY.length)];
                } else {
                    text = (random.nextBoolean() ? HAPPY : NEUTRAL)[random.nextInt(HAPPY.length)];
                }
                if (fromCustomer && t == 0 && random.nextDouble() < 0.05) {
                    String card = luhnCard(random);
                    cards.add(card);
                    text += " My card number is " + card + ", e-mail " + customer.toLowerCase() + "@example.com.";
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("messageId", chat + "-" + (t + 1));
                m.put("chatId", chat);
                m.put("customerId", customer);
                m.put("agentId", fromCustomer ? null : "AGENT-" + (1 + random.nextInt(12)));
                m.put("sentAt", at.plusMinutes(2L * t).toString());
                m.put("sender", fromCustomer ? "Customer" : "Agent");
                m.put("message", text);
                m.put("escalationFlag", isUnhappy && !fromCustomer);
                m.put("language", "en");
                m.put("product", isUnhappy ? "current-account" : "savings");
                messages.add(m);
            }
        }
        return new Chats(messages, unhappy, cards);
    }

    /** A 16-digit card number starting with 4 whose check digit passes Luhn's test. */
    static String luhnCard(Random random) {
        StringBuilder number = new StringBuilder("4");
        for (int i = 1; i < 15; i++) {
            number.append(random.nextInt(10));
        }
        for (int check = 0; ; check++) { // exactly one of 0..9 passes
            if (luhnValid(number.toString() + check)) {
                return number.append(check).toString();
            }
        }
    }

    /** Luhn's check on a string of digits. */
    public static boolean luhnValid(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int d = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
