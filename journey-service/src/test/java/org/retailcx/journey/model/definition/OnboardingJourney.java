package org.retailcx.journey.model.definition;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.retailcx.journey.model.definition.JourneyNode.ConditionBranch;
import org.retailcx.journey.model.definition.JourneyNode.ConditionSplit;
import org.retailcx.journey.model.definition.JourneyNode.End;
import org.retailcx.journey.model.definition.JourneyNode.RandomSplit;
import org.retailcx.journey.model.definition.JourneyNode.RequestNextBestAction;
import org.retailcx.journey.model.definition.JourneyNode.SendMessage;
import org.retailcx.journey.model.definition.JourneyNode.Stage;
import org.retailcx.journey.model.definition.JourneyNode.WaitDuration;
import org.retailcx.journey.model.definition.JourneyNode.WaitForEvent;
import org.retailcx.journey.model.definition.JourneyNode.WaitUntilLocalTime;
import org.retailcx.journey.model.definition.JourneyNode.WeightedBranch;

/**
 * A current-account onboarding journey using every kind of node: welcome e-mail, wait for the app (3 days), a
 * reminder chosen by value decile, a morning wait in the customer's zone, an experiment, and two ends.
 */
final class OnboardingJourney {

    static final String LEAD_CREATED = "retailcx.sales.lead.created.v1";
    static final String APP_LOGIN = "app.login";

    private OnboardingJourney() {
    }

    static List<JourneyNode> nodes() {
        return new ArrayList<>(List.of(
                new Stage("welcome", "Welcome", Duration.ofDays(2), "send-welcome"),
                new SendMessage("send-welcome", "email", "welcome", "await-app"),
                new WaitForEvent("await-app", APP_LOGIN, "event.platform in ['ios', 'android']", Duration.ofDays(3),
                        "app-active", "reminder-split"),
                new ConditionSplit("reminder-split",
                        List.of(new ConditionBranch("customer.decile <= 3", "ask-nba")), "sms-reminder"),
                new RequestNextBestAction("ask-nba", "onboarding", "morning"),
                new SendMessage("sms-reminder", "sms", "download-app", "morning"),
                new WaitUntilLocalTime("morning", LocalTime.of(9, 0), "await-app-again"),
                new WaitForEvent("await-app-again", APP_LOGIN, null, Duration.ofDays(7), "app-active", "lost"),
                new Stage("app-active", "App active", null, "offer-test"),
                new RandomSplit("offer-test", "onboarding-offer-2026", List.of(
                        new WeightedBranch("offer", 50, "offer-email"),
                        new WeightedBranch("control", 50, "cool-off"))),
                new SendMessage("offer-email", "email", "savings-offer", "done"),
                new WaitDuration("cool-off", Duration.ofDays(1), "done"),
                new End("done"),
                new End("lost")));
    }

    static JourneyDefinition definition() {
        return definition(nodes(), "welcome");
    }

    static JourneyDefinition definition(List<JourneyNode> nodes, String start) {
        return new JourneyDefinition("onboarding", 3,
                new EventRule("lead created", LEAD_CREATED, "event.product == 'current-account'"), false, start,
                nodes, List.of(new EventRule("account funded", "account.funded", "event.amount > 0")),
                List.of(new EventRule("customer left", "customer.closed", null)),
                ReEntryPolicy.afterCooldown(Duration.ofDays(30)));
    }
}
