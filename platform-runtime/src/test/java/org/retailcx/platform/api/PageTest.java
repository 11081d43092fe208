package org.retailcx.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.problem.ProblemException;

class PageTest {

    @Test
    void extraRowMeansANextPageWhoseCursorIsTheLastItemsKey() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, s -> "key-" + s);
        assertEquals(List.of("a", "b"), page.items());
        assertEquals("key-b", Page.after(page.nextCursor()));
    }

    @Test
    void lastPageHasNoCursor() {
        Page<String> page = Page.of(List.of("a", "b"), 2, s -> s);
        assertEquals(List.of("a", "b"), page.items());
        assertNull(page.nextCursor());
        assertNull(Page.after(null));
    }

    @Test
    void badLimitAndCursorNameTheirField() {
        assertEquals("limit", assertThrows(ProblemException.class, () -> Page.limit(0)).errors().get(0).field());
        assertEquals(Page.DEFAULT_LIMIT, Page.limit(null));
        assertEquals("cursor", assertThrows(ProblemException.class, () -> Page.after("%%%")).errors().get(0).field());
    }
}
