package org.retailcx.recommendation.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic interactions with a structure the algorithms must find: customers belong to segments, products to as many
 * families (product p is in family p mod segments), and a customer's events fall in their own segment's family with
 * probability {@code inSegmentShare}, else anywhere. Within a family and overall, products have Zipf-like popularity
 * (lower index = more popular), so that the popularity baseline is a fair opponent. Product attributes carry the family
 * plus two noise attributes. Customers and products are declared in id order, so index = generation order.
 */
final class PlantedInteractions {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    record Data(InteractionMatrix matrix, int[] segmentOfCustomer, int[] familyOfProduct, ProductAttributes attributes) {
    }

    private PlantedInteractions() {
    }

    /** The planted truth, without the matrix. */
    record Truth(int[] segmentOfCustomer, int[] familyOfProduct, ProductAttributes attributes) {
    }

    static Data generate(int customers, int products, int segments, int meanEvents, double inSegmentShare, long seed) {
        InteractionMatrix.Builder builder = InteractionMatrix.builder();
        Truth truth = fill(builder, customers, products, segments, meanEvents, inSegmentShare, seed);
        return new Data(builder.build(), truth.segmentOfCustomer(), truth.familyOfProduct(), truth.attributes());
    }

    /** Adds the events to a builder, so that a benchmark can time {@link InteractionMatrix.Builder#build()} alone. */
    static Truth fill(InteractionMatrix.Builder builder, int customers, int products, int segments, int meanEvents,
            double inSegmentShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] productIds = new String[products];
        int[] family = new int[products];
        double[] popularity = new double[products];
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (int p = 0; p < products; p++) {
            family[p] = p % segments;
            popularity[p] = Math.pow(1 + p / segments, -0.8);
            productIds[p] = productId(p);
            builder.declareProduct(productIds[p]);
            attributes.put(productId(p), List.of("family=F" + family[p], "tier=T" + random.nextInt(3),
                    "channel=" + (random.nextBoolean() ? "digital" : "branch")));
        }
        double[] overall = cumulative(popularity, p -> true);
        double[][] withinFamily = new double[segments][];
        for (int s = 0; s < segments; s++) {
            int segment = s;
            withinFamily[s] = cumulative(popularity, p -> family[p] == segment);
        }
        int[] segmentOf = new int[customers];
        InteractionType[] types = InteractionType.values();
        double[] typeShare = {0.5, 0.75, 0.9, 1.0};
        long span = 365L * 24 * 3600;
        for (int c = 0; c < customers; c++) {
            segmentOf[c] = random.nextInt(segments);
            String customer = String.format("C%06d", c);
            builder.declareCustomer(customer);
            int events = meanEvents / 2 + random.nextInt(meanEvents + 1);
            for (int e = 0; e < events; e++) {
                double[] from = random.nextDouble() < inSegmentShare ? withinFamily[segmentOf[c]] : overall;
                int product = draw(from, random);
                double u = random.nextDouble();
                int type = 0;
                while (u > typeShare[type]) {
                    type++;
                }
                builder.add(customer, productIds[product], types[type], END.getEpochSecond() - random.nextLong(span));
            }
        }
        return new Truth(segmentOf, family, ProductAttributes.of(attributes));
    }

    static String productId(int p) {
        return String.format("P%04d", p);
    }

    private static double[] cumulative(double[] weight, java.util.function.IntPredicate include) {
        double[] sums = new double[weight.length];
        double total = 0;
        for (int p = 0; p < weight.length; p++) {
            total += include.test(p) ? weight[p] : 0;
            sums[p] = total;
        }
        for (int p = 0; p < weight.length; p++) {
            sums[p] /= total;
        }
        return sums;
    }

    private static int draw(double[] cumulative, SplittableRandom random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
