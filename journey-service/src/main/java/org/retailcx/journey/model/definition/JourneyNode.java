package org.retailcx.journey.model.definition;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of a journey graph. Waits are where an instance rests until an event or a timer moves it; every other
 * node is passed through in the same step that reached it.
 */
public sealed interface JourneyNode {

    String id();

    /** The nodes this one can lead to, in branch order; a missing branch shows as {@code null}. */
    List<String> successors();

    default boolean isWait() {
        return false;
    }

    /** A named stage of the journey (e.g. "documents uploaded"); {@code expectedTime} drives abandonment. */
    record Stage(String id, String name, Duration expectedTime, String next) implements JourneyNode {
        @Override
        public List<String> successors() {
            return listOf(next);
        }
    }

    /** Rest for a fixed duration. */
    record WaitDuration(String id, Duration duration, String next) implements JourneyNode {
        @Override
        public List<String> successors() {
            return listOf(next);
        }

        @Override
        public boolean isWait() {
            return true;
        }
    }

    /** Rest until the next time the customer's clock shows {@code time}. */
    record WaitUntilLocalTime(String id, LocalTime time, String next) implements JourneyNode {
        @Override
        public List<String> successors() {
            return listOf(next);
        }

        @Override
        public boolean isWait() {
            return true;
        }
    }

    /** Rest until an event of {@code eventType} that meets {@code condition} arrives, or take {@code onTimeout}. */
    record WaitForEvent(String id, String eventType, String condition, Duration timeout, String onEvent,
                        String onTimeout) implements JourneyNode {
        @Override
        public List<String> successors() {
            return listOf(onEvent, onTimeout);
        }

        @Override
        public boolean isWait() {
            return true;
        }
    }

    /** The first branch whose CEL condition holds, else {@code otherwise}. */
    record ConditionSplit(String id, List<ConditionBranch> branches, String otherwise) implements JourneyNode {
        public ConditionSplit {
            branches = List.copyOf(branches);
        }

        @Override
        public List<String> successors() {
            List<String> next = new ArrayList<>();
            branches.forEach(branch -> next.add(branch.next()));
            next.add(otherwise);
            return next;
        }
    }

    record ConditionBranch(String condition, String next) {
    }

    /**
     * A weighted split, stable per customer: the same customer always takes the same branch of the same
     * {@code experimentKey} (or of this node when it has none).
     */
    record RandomSplit(String id, String experimentKey, List<WeightedBranch> branches) implements JourneyNode {
        public RandomSplit {
            branches = List.copyOf(branches);
        }

        @Override
        public List<String> successors() {
            List<String> next = new ArrayList<>();
            branches.forEach(branch -> next.add(branch.next()));
            return next;
        }
    }

    record WeightedBranch(String variant, int weight, String next) {
    }

    /** Ask for a message to the customer on {@code channel}; caps and quiet hours apply where it is sent. */
    record SendMessage(String id, String channel, String template, String next) implements JourneyNode {
        @Override
        public List<String> successors() {
            return listOf(next);
        }
    }

    /** Ask recommendation for the customer's next-best-action at {@code placement}. */
    record RequestNextBestAction(String id, String placement, String next) implements JourneyNode {
        @Override
        public List<String> successors() {
            return listOf(next);
        }
    }

    /** The journey is over for this customer. */
    record End(String id) implements JourneyNode {
        @Override
        public List<String> successors() {
            return List.of();
        }
    }

    private static List<String> listOf(String... next) {
        List<String> list = new ArrayList<>(next.length);
        for (String id : next) {
            list.add(id);
        }
        return list;
    }
}
