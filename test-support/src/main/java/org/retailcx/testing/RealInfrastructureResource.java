package org.retailcx.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at the real test infrastructure: a fresh database, a fresh topic
 * prefix and the test token key. Use with {@code @WithTestResource(RealInfrastructureResource.class)}.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        String database = infra.createFreshDatabase();
        return Map.of(
                "retailcx.pg.host", infra.pgHost(),
                "retailcx.pg.port", Integer.toString(infra.pgPort()),
                "quarkus.datasource.username", infra.pgUser(),
                "quarkus.datasource.password", infra.pgPassword(),
                "retailcx.db.name", database,
                "kafka.bootstrap.servers", infra.kafkaBootstrap(),
                "retailcx.kafka.topic-prefix", infra.freshTopicPrefix(),
                "mp.jwt.verify.publickey", infra.tokens().publicKeyPem(),
                "mp.jwt.verify.issuer", infra.tokens().issuer(),
                "retailcx.pii.pseudonym-key", "test-pseudonym-key");
    }

    @Override
    public void stop() {
        // The servers live for the whole JVM; each start got its own database and topics.
    }
}
