package org.retailcx.recommendation.model;

/** A model that knows how alike two products are (SAR's similarity, item-kNN's cosine, factor cosine). */
public interface ProductSimilarity {

    double productSimilarity(int a, int b);
}
