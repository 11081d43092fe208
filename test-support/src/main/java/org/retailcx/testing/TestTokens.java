package org.retailcx.testing;

import java.time.Duration;
import java.util.Set;

/** Bearer tokens signed with the test key that {@link RealInfrastructureResource} configures. */
public final class TestTokens {

    private TestTokens() {
    }

    /** {@code Authorization} header value for a user with the given roles. */
    public static String bearer(String... roles) {
        return "Bearer " + TestInfrastructure.get().tokens().mint("test-user", Set.of(roles), Duration.ofHours(1));
    }
}
