package org.retailcx.platform.medallion;

import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.RoleMatrixContract;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The generated endpoints of the test domain (an internal source among them) answer each role as they declare. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class MedallionRoleMatrixTest extends RoleMatrixContract {
}
