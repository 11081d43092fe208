package org.retailcx.recommendation;

import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.ServiceShellContract;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RecommendationServiceShellTest extends ServiceShellContract {
}
