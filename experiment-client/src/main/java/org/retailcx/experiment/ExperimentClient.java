package org.retailcx.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * Local experiment assignment for a service: holds the latest published definitions and assigns customers in
 * memory. Reads never block; a publish or withdrawal swaps in a new immutable snapshot, so an assignment always
 * sees one consistent set of definitions.
 */
public final class ExperimentClient {

    private record Snapshot(Map<String, Experiment> experiments, Map<String, List<Object>> savedGroups) {
    }

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    /** Adds or replaces the definition with the same key (an "experiment published/changed" event). */
    public synchronized void publish(Map<String, Object> definitionJson) {
        Experiment experiment = ExperimentDefinitions.fromJson(definitionJson);
        Map<String, Experiment> next = new HashMap<>(snapshot.experiments());
        next.put(experiment.key(), experiment);
        snapshot = new Snapshot(Map.copyOf(next), snapshot.savedGroups());
    }

    public synchronized void withdraw(String experimentKey) {
        Map<String, Experiment> next = new HashMap<>(snapshot.experiments());
        next.remove(experimentKey);
        snapshot = new Snapshot(Map.copyOf(next), snapshot.savedGroups());
    }

    /** Replaces the named value lists that {@code $inGroup} conditions refer to. */
    public synchronized void replaceSavedGroups(Map<String, List<Object>> savedGroups) {
        snapshot = new Snapshot(snapshot.experiments(), Map.copyOf(savedGroups));
    }

    public Set<String> experimentKeys() {
        return snapshot.experiments().keySet();
    }

    /** The customer's variation, or empty when no experiment with that key is published. */
    public Optional<Assignment> assign(String experimentKey, Map<String, Object> attributes) {
        Snapshot current = snapshot;
        Experiment experiment = current.experiments().get(experimentKey);
        if (experiment == null) {
            return Optional.empty();
        }
        EvaluationContext context = new EvaluationContext(attributes, null, true, false, Map.of(),
                current.savedGroups());
        return Optional.of(ExperimentEvaluator.run(experiment, context));
    }
}
