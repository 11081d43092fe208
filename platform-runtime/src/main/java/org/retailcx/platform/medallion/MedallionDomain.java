package org.retailcx.platform.medallion;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a domain service declares to get the medallion endpoints: its domain (the {@code /api/v1/<domain>} path),
 * its sources, the events it consumes into them, and who may read its quarantine and batch receipts. One bean per
 * service.
 */
public interface MedallionDomain {

    String domain();

    List<MedallionSource<?>> sources();

    /** Events from other services that land in one of the sources (each one a batch of one). */
    default List<EventSource<?, ?>> eventSources() {
        return List.of();
    }

    /** Roles that may read the quarantine and batch receipts. */
    Set<String> operatorRoles();

    /**
     * For a manager's token: an SQL condition that the record owner {@code $1} is in the team of the manager
     * {@code $2} (the token's rep id); the history of other owners' records is then not found. Empty (the default):
     * the domain has no teams, and a manager reads every owner's records.
     */
    default Optional<String> teamCondition() {
        return Optional.empty();
    }

    default Optional<MedallionSource<?>> byPath(String path) {
        return sources().stream().filter(s -> s.path().equals(path)).findFirst();
    }

    default Optional<MedallionSource<?>> byName(String name) {
        return sources().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
