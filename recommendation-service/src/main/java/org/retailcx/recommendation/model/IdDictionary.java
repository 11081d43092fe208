package org.retailcx.recommendation.model;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

/** Dense indices 0..n-1 for external ids (customer or product ids), in order of first appearance. */
public final class IdDictionary {

    private final Object2IntOpenHashMap<String> indexOfId = new Object2IntOpenHashMap<>();
    private final ObjectArrayList<String> ids = new ObjectArrayList<>();
    private boolean frozen;

    IdDictionary() {
        indexOfId.defaultReturnValue(-1);
    }

    /** The index of an id, or -1 when it is unknown (a cold-start customer or product). */
    public int indexOf(String id) {
        return indexOfId.getInt(id);
    }

    public String id(int index) {
        return ids.get(index);
    }

    public int size() {
        return ids.size();
    }

    int add(String id) {
        int known = indexOfId.getInt(id);
        if (known >= 0) {
            return known;
        }
        if (frozen) {
            throw new IllegalStateException("the dictionary belongs to a built matrix");
        }
        int index = ids.size();
        ids.add(id);
        indexOfId.put(id, index);
        return index;
    }

    void freeze() {
        frozen = true;
    }
}
