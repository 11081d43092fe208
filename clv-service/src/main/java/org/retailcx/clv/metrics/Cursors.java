package org.retailcx.clv.metrics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.retailcx.platform.problem.ProblemException;

/** Opaque keyset cursors: base64url of "sort value|customer id" (the last item of the previous page). */
public final class Cursors {

    public record Position(BigDecimal value, String id) {
    }

    private Cursors() {
    }

    public static String encode(BigDecimal value, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((value.toPlainString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Position(new BigDecimal(text.substring(0, bar)), text.substring(bar + 1));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return 100;
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "must be between 1 and 1000");
        }
        return limit;
    }
}
