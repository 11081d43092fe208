package org.retailcx.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.retailcx.infra.DevTokens;

/** Bearer tokens signed with the test key that {@link RealInfrastructureResource} configures. */
public final class TestTokens {

    private TestTokens() {
    }

    /** {@code Authorization} header value for a user with the given roles. */
    public static String bearer(String... roles) {
        return "Bearer " + TestInfrastructure.get().tokens().mint("test-user", Set.of(roles), Duration.ofHours(1));
    }

    /** {@code Authorization} header value for a sales rep or manager: subject and {@code rep_id} = {@code repId}. */
    public static String bearerFor(String repId, String... roles) {
        return "Bearer " + TestInfrastructure.get().tokens().mint(repId, Set.of(roles), Duration.ofHours(1),
                Map.of(DevTokens.REP_ID_CLAIM, repId));
    }
}
