package org.retailcx.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.retailcx.platform.problem.ProblemException;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of a list endpoint, paginated by an opaque cursor (keyset pagination: the cursor encodes the sort key
 * of the last item, so pages stay stable while rows are added). {@code nextCursor} is null on the last page.
 * Endpoints take {@code ?limit=} (1..{@link #MAX_LIMIT}) and {@code ?cursor=}.
 */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in sort order: the extra row only tells that there
     * is a next page, whose cursor is the key of the last item returned.
     */
    public static <T> Page<T> of(List<T> rowsFetched, int limit, Function<T, String> sortKey) {
        if (rowsFetched.size() <= limit) {
            return new Page<>(rowsFetched, null);
        }
        List<T> items = List.copyOf(rowsFetched.subList(0, limit));
        return new Page<>(items, encode(sortKey.apply(items.get(limit - 1))));
    }

    /** The limit to query with, after checking it; {@code null} means the default. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** The sort key after which the page starts, or null for the first page. */
    public static String after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    /** The numeric sort key after which the page starts, or 0 for the first page (keys are positive ids). */
    public static long afterId(String cursor) {
        String after = after(cursor);
        try {
            return after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
}
