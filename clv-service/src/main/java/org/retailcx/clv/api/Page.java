package org.retailcx.clv.api;

import java.util.List;

/** One page of a list; pass {@code nextCursor} back as {@code ?cursor=} for the next page (null: last page). */
public record Page<T>(List<T> items, String nextCursor) {
}
