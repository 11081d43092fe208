package org.retailcx.journey.model.attribution;

import java.util.List;

/**
 * Times every attribution model on generated paths (not part of the test suite). Arguments: path count (default
 * 1,000,000), channel count (10), longest path (8). Run from the repository root after a test-compile:
 * {@code java -cp "journey-service/target/classes:journey-service/target/test-classes:$(cat /tmp/journey.cp)"
 * org.retailcx.journey.model.attribution.AttributionBenchmark}.
 */
public final class AttributionBenchmark {

    private AttributionBenchmark() {
    }

    public static void main(String[] args) {
        int pathCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int maxLength = args.length > 2 ? Integer.parseInt(args[2]) : 8;

        List<TouchpointPath> raw = RandomPaths.generate(1, pathCount, channels, maxLength);
        long started = System.nanoTime();
        PathSet paths = PathSet.of(raw);
        System.out.printf("%,d paths, %d channels, up to %d touches; %,d conversions; indexed in %.2f s%n",
                paths.size(), paths.channelCount(), maxLength, paths.totalConversions(), seconds(started));

        double total = 0;
        for (AttributionModel model : AttributionModels.all(2)) {
            long start = System.nanoTime();
            AttributionResult result = model.attribute(paths);
            double elapsed = seconds(start);
            total += elapsed;
            System.out.printf("%-15s %6.2f s   %s%n", model.name(), elapsed, summary(result));
        }
        System.out.printf("all models      %6.2f s%n", total);
    }

    private static String summary(AttributionResult result) {
        StringBuilder text = new StringBuilder();
        result.conversionsByChannel().forEach((channel, credit) ->
                text.append(channel).append('=').append(String.format("%.0f", credit)).append(' '));
        return text.toString().trim();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
