package org.retailcx.journey.model.attribution;

import java.util.Arrays;

/**
 * Open-addressing map from a long key to a long count. The Markov chain counts millions of transitions: boxed
 * {@code Long} keys cost an object each, and {@code Long.hashCode} of packed (from, to) pairs collides badly.
 */
final class LongCounter {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys = new long[64];
    private long[] counts = new long[64];
    private int size;

    LongCounter() {
        Arrays.fill(keys, EMPTY);
    }

    /** Adds {@code amount} to the count of {@code key}; the key must not be {@code Long.MIN_VALUE}. */
    void add(long key, long amount) {
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                grow();
                slot = slotOf(key);
            }
        }
        counts[slot] += amount;
    }

    /** The count of {@code key}, or −1 when it was never added. */
    long get(long key) {
        int slot = slotOf(key);
        return keys[slot] == EMPTY ? -1 : counts[slot];
    }

    int size() {
        return size;
    }

    /** Calls {@code visitor} once per key in no particular order. */
    void forEach(Visitor visitor) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                visitor.visit(keys[slot], counts[slot]);
            }
        }
    }

    interface Visitor {
        void visit(long key, long count);
    }

    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        return key ^ (key >>> 33);
    }
}
