package org.retailcx.synthetic.sales;

import java.util.Locale;

/**
 * How big the generated sales organisation is. {@code small} is the demo; {@code bench} is the volume the
 * ingestion benchmark asks for (100,000 opportunities with their history, 1,000,000 activities).
 */
public record SalesScale(String name, int reps, int opportunities, int activities) {

    public static final SalesScale SMALL = new SalesScale("small", 10, 2_000, 20_000);
    public static final SalesScale BENCH = new SalesScale("bench", 200, 100_000, 1_000_000);

    public SalesScale {
        if (reps < 2 || opportunities < 10 || activities < 0) {
            throw new IllegalArgumentException("a scale needs at least 2 reps, 10 opportunities and no negative counts");
        }
    }

    /** {@code small}, {@code bench}, or explicit counts {@code reps:opportunities:activities} (e.g. 50:10000:100000). */
    public static SalesScale parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals(SMALL.name)) {
            return SMALL;
        }
        if (t.equals(BENCH.name)) {
            return BENCH;
        }
        String[] parts = t.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("scale must be small, bench or reps:opportunities:activities, not " + text);
        }
        return new SalesScale(t, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
