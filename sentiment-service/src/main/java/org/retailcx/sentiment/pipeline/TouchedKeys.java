package org.retailcx.sentiment.pipeline;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The (channel, customer, day) cells a promotion changed — those its documents are in now and those their previous
 * versions were in — so that trends and facts are recomputed for exactly these and nothing else. A document without a
 * known customer counts under customer ''.
 */
final class TouchedKeys {

    record Key(String channel, String customerId, LocalDate day) {
    }

    private final Set<Key> keys = new LinkedHashSet<>();

    void add(String channel, String customerId, LocalDate day) {
        keys.add(new Key(channel, customerId == null ? "" : customerId, day));
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** $1 channels, $2 customers, $3 days: {@code unnest($1::text[], $2::text[], $3::date[])}. */
    Tuple tuple() {
        return Tuple.of(keys.stream().map(Key::channel).toArray(String[]::new),
                keys.stream().map(Key::customerId).toArray(String[]::new),
                keys.stream().map(Key::day).toArray(LocalDate[]::new));
    }
}
