package org.retailcx.journey.model.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One published version of a journey: how customers enter, the graph they move through, goals that complete it,
 * exit criteria that end it early, and whether they may enter again. Running instances keep the version they
 * entered. Construction checks only shape; {@link JourneyValidator} checks meaning before publication.
 */
public final class JourneyDefinition {

    private final String key;
    private final int version;
    private final EventRule entry;
    private final boolean admitsUnknownCustomers;
    private final String startNode;
    private final List<JourneyNode> nodes;
    private final Map<String, JourneyNode> nodesById;
    private final List<EventRule> goals;
    private final List<EventRule> exits;
    private final ReEntryPolicy reEntry;

    public JourneyDefinition(String key, int version, EventRule entry, boolean admitsUnknownCustomers,
                             String startNode, List<JourneyNode> nodes, List<EventRule> goals,
                             List<EventRule> exits, ReEntryPolicy reEntry) {
        this.key = Objects.requireNonNull(key, "key");
        this.version = version;
        this.entry = Objects.requireNonNull(entry, "entry");
        this.admitsUnknownCustomers = admitsUnknownCustomers;
        this.startNode = startNode;
        this.nodes = List.copyOf(nodes);
        this.goals = List.copyOf(goals);
        this.exits = List.copyOf(exits);
        this.reEntry = Objects.requireNonNull(reEntry, "reEntry");
        Map<String, JourneyNode> byId = new LinkedHashMap<>();
        for (JourneyNode node : this.nodes) {
            byId.putIfAbsent(node.id(), node); // duplicates are the validator's to report
        }
        this.nodesById = Collections.unmodifiableMap(byId);
    }

    public String key() {
        return key;
    }

    public int version() {
        return version;
    }

    public EventRule entry() {
        return entry;
    }

    /** Whether an event for a customer the suite does not know yet may start this journey. */
    public boolean admitsUnknownCustomers() {
        return admitsUnknownCustomers;
    }

    public String startNode() {
        return startNode;
    }

    public List<JourneyNode> nodes() {
        return nodes;
    }

    /** The node with this id, or {@code null}. */
    public JourneyNode node(String id) {
        return nodesById.get(id);
    }

    public List<EventRule> goals() {
        return goals;
    }

    public List<EventRule> exits() {
        return exits;
    }

    public ReEntryPolicy reEntry() {
        return reEntry;
    }
}
