package org.retailcx.clv.api;

import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.RoleMatrixContract;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every clv-service operation against every suite role, as each operation declares. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ClvRoleMatrixTest extends RoleMatrixContract {
}
