package org.retailcx.recommendation.model;

/**
 * An algorithm with its hyper-parameters: what a versioned training call records and replays. Each algorithm's
 * parameters are a record nested in its recommender class.
 */
public sealed interface TrainingSpec permits PopularityRecommender.Parameters, SarRecommender.Parameters,
        ItemKnnRecommender.Parameters, AlsRecommender.Parameters, BprRecommender.Parameters,
        ContentBasedRecommender.Parameters, HybridRecommender.Parameters {

    Algorithm algorithm();

    Recommender fit(InteractionMatrix training);
}
