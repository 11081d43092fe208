package org.retailcx.recommendation.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Descriptive attributes per product, as {@code name=value} strings ("category=savings", "channel=digital"), the
 * input of content-based recommendations. Products without attributes are allowed (they score 0).
 */
public final class ProductAttributes {

    private final Map<String, Set<String>> byProduct;

    private ProductAttributes(Map<String, Set<String>> byProduct) {
        this.byProduct = byProduct;
    }

    public static ProductAttributes of(Map<String, ? extends Collection<String>> attributesByProductId) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        attributesByProductId.forEach((product, attributes) -> copy.put(product, Set.copyOf(new TreeSet<>(attributes))));
        return new ProductAttributes(copy);
    }

    /** The product's attributes, empty when the product is unknown. */
    public Set<String> of(String productId) {
        return byProduct.getOrDefault(productId, Set.of());
    }
}
