package org.retailcx.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.retailcx.infra.Ports;
import org.retailcx.testing.TestInfrastructure;

/** One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own process. */
final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String module, Process process, int port, Path log) {
        this.module = module;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code module} on a free port with its own fresh database and the given topic prefix. */
    static ServiceProcess start(String module, String topicPrefix, Path publicKey) throws IOException {
        Path root = Path.of(System.getProperty("retailcx.repository.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the scenarios with `mvn verify` from the "
                    + "repository root, which packages the services first");
        }
        TestInfrastructure infra = TestInfrastructure.get();
        String domain = module.substring(0, module.indexOf("-service")).toUpperCase();
        int port = Ports.freePort();
        Path log = root.resolve("scenario-tests/target/" + module + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("RETAILCX_PG_HOST", infra.pgHost());
        env.put("RETAILCX_PG_PORT", Integer.toString(infra.pgPort()));
        env.put("RETAILCX_PG_USER", infra.pgUser());
        env.put("RETAILCX_PG_PASSWORD", infra.pgPassword());
        env.put("RETAILCX_KAFKA_BOOTSTRAP", infra.kafkaBootstrap());
        env.put("RETAILCX_TOPIC_PREFIX", topicPrefix);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        env.put("RETAILCX_JWT_ISSUER", infra.tokens().issuer());
        env.put("RETAILCX_" + domain + "_DB", infra.createFreshDatabase());
        env.put("RETAILCX_" + domain + "_PORT", Integer.toString(port));
        ServiceProcess service = new ServiceProcess(module, builder.start(), port, log);
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(module + " not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
