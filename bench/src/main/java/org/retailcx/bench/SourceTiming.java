package org.retailcx.bench;

/** How long loading one source's rows took. */
record SourceTiming(String source, int rows, long millis) {

    double rowsPerSecond() {
        return millis == 0 ? rows : rows * 1000.0 / millis;
    }
}
