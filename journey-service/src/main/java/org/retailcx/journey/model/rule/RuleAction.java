package org.retailcx.journey.model.rule;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.retailcx.journey.model.definition.ActionRequest;

/**
 * What a rule's {@code action_to_execute} asks for, read from its text: {@code message:<channel>:<template>} (a
 * message, under the channel's caps and quiet hours) or {@code next-best-action:<placement>} (ask recommendation).
 */
public record RuleAction(ActionRequest.Type type, String channel, String content) {

    private static final Pattern MESSAGE = Pattern.compile("message:([a-z0-9][a-z0-9-]{0,63}):([A-Za-z0-9._-]{1,200})");
    private static final Pattern NEXT_BEST_ACTION = Pattern.compile("next-best-action:([A-Za-z0-9._-]{1,200})");

    /** @throws IllegalArgumentException saying which forms are understood */
    public static RuleAction parse(String text) {
        Matcher m = MESSAGE.matcher(text == null ? "" : text);
        if (m.matches()) {
            return new RuleAction(ActionRequest.Type.MESSAGE, m.group(1), m.group(2));
        }
        m = NEXT_BEST_ACTION.matcher(text == null ? "" : text);
        if (m.matches()) {
            return new RuleAction(ActionRequest.Type.NEXT_BEST_ACTION, null, m.group(1));
        }
        throw new IllegalArgumentException(
                "must be message:<channel>:<template> or next-best-action:<placement>, was '" + text + "'");
    }

    /** The request a firing makes; {@code nodeId} names the rule so the action log says where it came from. */
    public ActionRequest request(String actionId, String customerId, String nodeId, Instant at) {
        return new ActionRequest(actionId, type, customerId, nodeId, channel, content, at);
    }
}
