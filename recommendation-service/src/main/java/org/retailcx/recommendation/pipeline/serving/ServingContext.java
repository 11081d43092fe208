package org.retailcx.recommendation.pipeline.serving;

import java.util.List;
import java.util.Optional;

/** Where a list is shown, in the roadmap's spelling ({@code retail_product_recommendations.context}). */
public final class ServingContext {

    public static final List<String> ALL = List.of("Homepage", "Account Dashboard", "Mobile App", "Email", "Branch");

    private ServingContext() {
    }

    /** The canonical spelling of a context, case and separators aside ("mobile-app" is "Mobile App"). */
    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().replaceAll("[_\\- ]+", " ");
        return ALL.stream().filter(c -> c.equalsIgnoreCase(key)).findFirst();
    }
}
