package org.retailcx.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.schema.Topics;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates, at startup, the topics a service publishes to and consumes from plus its dead-letter topic, when they
 * are missing. Platforms that manage topics elsewhere (Strimzi KafkaTopic resources) turn it off with
 * {@code retailcx.kafka.provision-topics=false}.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final Map<String, Object> kafkaConfig;
    private final KafkaPublisher publisher;
    private final List<String> topics;
    private final String serviceName;
    private final int partitions;
    private final short replicationFactor;
    private final boolean enabled;

    public TopicProvisioner(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            KafkaPublisher publisher,
            @ConfigProperty(name = "retailcx.kafka.topics", defaultValue = " ") List<String> topics,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "retailcx.kafka.partitions") int partitions,
            @ConfigProperty(name = "retailcx.kafka.replication-factor") short replicationFactor,
            @ConfigProperty(name = "retailcx.kafka.provision-topics", defaultValue = "true") boolean enabled) {
        this.kafkaConfig = kafkaConfig;
        this.publisher = publisher;
        this.topics = topics;
        this.serviceName = serviceName;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            provision();
        }
    }

    public void provision() {
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics) {
            if (!topic.isBlank()) {
                wanted.add(new NewTopic(publisher.physicalTopic(topic.trim()), partitions, replicationFactor));
            }
        }
        wanted.add(new NewTopic(publisher.physicalTopic(Topics.deadLetter(serviceName)), partitions,
                replicationFactor));
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().retainAll(AdminClientConfig.configNames());
        // The producers' request timeout is longer than a startup check should wait; the admin client requires
        // request timeout <= api timeout.
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) { // topics may already exist or be managed elsewhere: report, don't block startup
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            LOG.warnf("could not provision topics %s: %s (%s)", wanted.stream().map(NewTopic::name).toList(),
                    e.getMessage(), cause);
        }
    }
}
