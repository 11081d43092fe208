package org.retailcx.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    private static Path root;

    @BeforeAll
    static void setUp() throws Exception {
        root = TestDirs.create("kafka-test-");
    }

    @AfterAll
    static void tearDown() {
        TestDirs.delete(root);
    }

    @Test
    void recordsSurviveABrokerRestartAndNewRecordsFlow() throws Exception {
        Path data = root.resolve("kafka");
        long t0 = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDirectory(data).start()) {
            System.out.printf("Kafka first start (format + start): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertTrue(kafka.isRunning());
            assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"));

            kafka.createTopics(List.of("orders"), 2);
            kafka.createTopics(List.of("orders", "payments"), 2); // idempotent
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                assertTrue(admin.listTopics().names().get().containsAll(Set.of("orders", "payments")));
                assertEquals(2, admin.describeTopics(List.of("orders")).allTopicNames().get()
                        .get("orders").partitions().size());
            }

            produce(kafka, "orders", "o-1", "first");
            // consumer group g1 reads and commits
            assertEquals(List.of("first"), consume(kafka, "g1", "orders", 1));

            t0 = System.nanoTime();
            kafka.stop();
            System.out.printf("Kafka stop: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertFalse(kafka.isRunning());

            t0 = System.nanoTime();
            kafka.start();
            System.out.printf("Kafka restart: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertTrue(kafka.isRunning());

            produce(kafka, "orders", "o-2", "second");
            // g1 continues after its committed offset: the offsets topic survived too
            assertEquals(List.of("second"), consume(kafka, "g1", "orders", 1));
            // a new group reads everything from the beginning: nothing was lost
            List<String> all = consume(kafka, "g2", "orders", 2);
            assertEquals(Set.of("first", "second"), Set.copyOf(all));

            // auto.create.topics.enable=true with default 3 partitions
            produce(kafka, "auto-created", "k", "v");
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                assertEquals(3, admin.describeTopics(List.of("auto-created")).allTopicNames().get()
                        .get("auto-created").partitions().size());
            }
            assertTrue(Files.readString(kafka.logFile()).contains("INFO"), "broker logs at INFO to kafka.log");
        }
        assertTrue(Files.isRegularFile(data.resolve("kraft-data/meta.properties")), "explicit data dir kept");
    }

    private static void produce(EmbeddedKafka kafka, String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> consume(EmbeddedKafka kafka, String group, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            consumer.commitSync();
            // nothing more than expected
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                values.add(r.value());
            }
            consumer.commitSync();
        }
        return values;
    }
}
