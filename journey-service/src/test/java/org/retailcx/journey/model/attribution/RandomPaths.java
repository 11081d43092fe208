package org.retailcx.journey.model.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded path sets in which later channels convert better, so that the models disagree. */
final class RandomPaths {

    private RandomPaths() {
    }

    static List<TouchpointPath> generate(long seed, int count, int channels, int maxLength) {
        Random random = new Random(seed);
        List<TouchpointPath> paths = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            int length = 1 + random.nextInt(maxLength);
            List<String> touches = new ArrayList<>(length);
            double lift = 0;
            for (int i = 0; i < length; i++) {
                int channel = random.nextInt(channels);
                touches.add("ch" + channel);
                lift += channel;
            }
            double conversionRate = Math.min(0.9, 0.05 + 0.02 * lift / length * (1 + length / 4.0));
            long customers = 1 + random.nextInt(20);
            long conversions = 0;
            for (int c = 0; c < customers; c++) {
                conversions += random.nextDouble() < conversionRate ? 1 : 0;
            }
            double value = conversions * (50 + random.nextInt(500));
            paths.add(new TouchpointPath(touches, conversions, value, customers - conversions));
        }
        return paths;
    }
}
