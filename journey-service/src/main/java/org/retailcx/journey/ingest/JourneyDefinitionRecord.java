package org.retailcx.journey.ingest;

import java.util.List;

import org.retailcx.platform.problem.Problem.FieldError;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A journey definition as submitted, validated by the service: accepted as the key's next version, or refused with
 * the validator's problems (then without a version). Bronze keeps the submission itself as its payload.
 */
@RegisterForReflection
public record JourneyDefinitionRecord(String journeyKey, Integer version, boolean accepted,
        List<FieldError> problems) {

    public static JourneyDefinitionRecord accepted(String key, int version) {
        return new JourneyDefinitionRecord(key, version, true, null);
    }

    public static JourneyDefinitionRecord refused(String key, List<FieldError> problems) {
        return new JourneyDefinitionRecord(key, null, false, problems);
    }

    /** The bronze record id: {@code key@version}, or the key alone for a refused submission. */
    public String recordId() {
        return accepted ? journeyKey + "@" + version : journeyKey;
    }
}
