package org.retailcx.experiment;

import java.util.List;

/**
 * Keeps a customer in an experiment only when the hash of {@code attribute} under {@code seed} falls in one of
 * {@code ranges}; GrowthBook's successor of namespaces.
 *
 * @param attribute   attribute to hash; {@code null} means {@code id}
 * @param hashVersion hash version; GrowthBook's default for filters is 2
 */
public record BucketFilter(String seed, String attribute, List<VariationRange> ranges, int hashVersion) {

    public BucketFilter {
        ranges = List.copyOf(ranges);
    }
}
