package org.retailcx.recommendation.model;

/** The recommendation algorithms, by the names used in the API and in {@code gold.dim_recommendation_algorithm}. */
public enum Algorithm {
    POPULARITY("Popularity"),
    SAR("Collaborative"),
    ITEM_KNN("Collaborative"),
    ALS("Collaborative"),
    BPR("Collaborative"),
    CONTENT_BASED("Content-Based"),
    HYBRID("Hybrid");

    private final String family;

    Algorithm(String family) {
        this.family = family;
    }

    /** The algorithm family of the roadmap (Collaborative, Content-Based, Hybrid, Popularity). */
    public String family() {
        return family;
    }
}
