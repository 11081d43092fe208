package org.retailcx.sales.pipeline.scoring;

import org.retailcx.sales.model.scoring.BoostedTreesModel;
import org.retailcx.sales.model.scoring.CategoricalFeature;
import org.retailcx.sales.model.scoring.FeatureEncoder;
import org.retailcx.sales.model.scoring.GradeThresholds;
import org.retailcx.sales.model.scoring.LogisticModel;
import org.retailcx.sales.model.scoring.NumericFeature;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The pure models are stored as JSON by Jackson, which reads their record components reflectively; the model package
 * takes no Quarkus annotation, so they are registered for native images here.
 */
@RegisterForReflection(targets = { LogisticModel.class, BoostedTreesModel.class, BoostedTreesModel.Tree.class,
        FeatureEncoder.class, NumericFeature.class, CategoricalFeature.class, GradeThresholds.class })
final class ScoringModelsReflection {

    private ScoringModelsReflection() {
    }
}
