package org.retailcx.journey.model.definition;

/** Why a journey definition cannot be published, naming the node (or {@code entry}, {@code goal:…}, …). */
public record DefinitionProblem(String node, String reason) {

    @Override
    public String toString() {
        return node + ": " + reason;
    }
}
