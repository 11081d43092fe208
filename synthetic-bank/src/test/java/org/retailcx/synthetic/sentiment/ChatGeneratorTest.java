package org.retailcx.synthetic.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChatGeneratorTest {

    @Test
    void plantsUnhappyCustomersAndLuhnValidCardNumbersDeterministically() {
        ChatGenerator.Chats chats = ChatGenerator.generate(500, 42);
        assertEquals(chats.messages(), ChatGenerator.generate(500, 42).messages());
        int unhappy = chats.unhappyCustomers().size();
        assertTrue(unhappy >= 30 && unhappy <= 75, "about one in ten unhappy: " + unhappy);
        assertFalse(chats.plantedCards().isEmpty());
        for (String card : chats.plantedCards()) {
            assertEquals(16, card.length());
            assertTrue(ChatGenerator.luhnValid(card), card);
            assertTrue(chats.messages().stream().anyMatch(m -> ((String) m.get("message")).contains(card)));
        }
        // every unhappy customer's own words say they are unhappy; agents never speak for them
        for (Map<String, Object> m : chats.messages()) {
            if (chats.unhappyCustomers().contains(m.get("customerId")) && m.get("sender").equals("Customer")) {
                String text = ((String) m.get("message")).toLowerCase();
                assertTrue(text.contains("terrible") || text.contains("awful") || text.contains("clos")
                        || text.contains("fed up"), text);
            }
        }
    }

    @Test
    void luhnCheckRejectsAChangedDigit() {
        assertTrue(ChatGenerator.luhnValid("4111111111111111"));
        assertFalse(ChatGenerator.luhnValid("4111111111111112"));
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            assertTrue(ChatGenerator.luhnValid(ChatGenerator.luhnCard(random)));
        }
    }
}
