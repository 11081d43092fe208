package org.retailcx.journey.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.retailcx.journey.model.definition.ActionRequest;

class RuleActionTest {

    @Test
    void readsAMessageAndANextBestAction() {
        RuleAction message = RuleAction.parse("message:sms:loan-offer");
        assertEquals(ActionRequest.Type.MESSAGE, message.type());
        assertEquals("sms", message.channel());
        assertEquals("loan-offer", message.content());
        RuleAction nba = RuleAction.parse("next-best-action:home-banner");
        assertEquals(ActionRequest.Type.NEXT_BEST_ACTION, nba.type());
        assertNull(nba.channel());
        ActionRequest request = nba.request("a-1", "CUST-1", "rule:r1", Instant.EPOCH);
        assertEquals("home-banner", request.content());
        assertEquals("rule:r1", request.nodeId());
    }

    @Test
    void refusesAnythingElseSayingWhatItReads() {
        for (String bad : new String[] { "", "message:sms", "message:SMS:x", "call:someone", "next-best-action:",
                "message:sms:a b" }) {
            var e = assertThrows(IllegalArgumentException.class, () -> RuleAction.parse(bad), bad);
            assertEquals(true, e.getMessage().contains("message:<channel>:<template>"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> RuleAction.parse(null));
    }
}
