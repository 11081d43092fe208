package org.retailcx.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SingleReplicaJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SingleReplicaJobs jobs;

    @Test
    void whileOneReplicaRunsAJobAnotherSkipsItButMayRunOtherJobs() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CountDownLatch running = new CountDownLatch(1);
        // The first "replica" holds the lock until released; each call uses its own pooled connection.
        CompletableFuture<Optional<String>> first = jobs.runExclusive("snapshot", tx -> {
            running.countDown();
            return Uni.createFrom().completionStage(release).replaceWith("first");
        }).subscribeAsCompletionStage();
        assertTrue(running.await(10, TimeUnit.SECONDS));

        assertEquals(Optional.empty(), jobs.runExclusive("snapshot", tx -> Uni.createFrom().item("second"))
                .await().atMost(WAIT), "the same job is skipped while another replica runs it");
        assertEquals(Optional.of("other"), jobs.runExclusive("refit", tx -> Uni.createFrom().item("other"))
                .await().atMost(WAIT), "a different job is not blocked");

        release.complete(null);
        assertEquals(Optional.of("first"), first.get(10, TimeUnit.SECONDS));
        assertEquals(Optional.of("third"), jobs.runExclusive("snapshot", tx -> Uni.createFrom().item("third"))
                .await().atMost(WAIT), "the lock is released with the transaction");
    }

    @Test
    void aFailingJobReleasesTheLock() {
        var failed = jobs.runExclusive("flaky", tx -> Uni.createFrom().<String>failure(new IllegalStateException("boom")))
                .onFailure().recoverWithItem(Optional.of("failed")).await().atMost(WAIT);
        assertEquals(Optional.of("failed"), failed);
        assertEquals(Optional.of("ran"), jobs.runExclusive("flaky", tx -> Uni.createFrom().item("ran"))
                .await().atMost(WAIT));
    }
}
