package dev.ticketing.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersIT {

    @TempDir
    Path dir;

    @Test
    void kafkaBrokerAcceptsAndDeliversRecordsWithAnIdempotentProducer() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Ports.freePort(), Ports.freePort(), dir.resolve("kafka"))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("smoke", 1, (short) 1))).all().get();
            }
            Properties producerProps = new Properties();
            producerProps.put("bootstrap.servers", kafka.bootstrapServers());
            producerProps.put("acks", "all");
            producerProps.put("enable.idempotence", "true");
            try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("smoke", "seat-1", "held")).get();
            }
            Properties consumerProps = new Properties();
            consumerProps.put("bootstrap.servers", kafka.bootstrapServers());
            consumerProps.put("group.id", "smoke");
            consumerProps.put("auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("smoke"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 30 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofSeconds(1));
                }
                assertThat(records).extracting(r -> r.key() + "=" + r.value()).containsExactly("seat-1=held");
            }
        }
    }

    /** The services declare 3 partitions; a topic a consumer auto-creates before its owner declares it must match. */
    @Test
    void kafkaAutoCreatesATopicWithThePartitionsTheServicesDeclare() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Ports.freePort(), Ports.freePort(), dir.resolve("kafka"))) {
            Properties producerProps = new Properties();
            producerProps.put("bootstrap.servers", kafka.bootstrapServers());
            try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("not.declared.anywhere", "k", "v")).get();
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                var topic = admin.describeTopics(List.of("not.declared.anywhere")).allTopicNames().get().get("not.declared.anywhere");
                assertThat(topic.partitions()).hasSize(3);
            }
        }
    }

    @Test
    void mariaDbGivesEachServiceItsOwnSchemaAndUser() throws SQLException {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(Ports.freePort(), dir.resolve("mariadb"))) {
            db.createDatabase("alpha_db", "alpha", "alpha-secret");
            db.createDatabase("beta_db", "beta", "beta-secret");
            try (Connection alpha = DriverManager.getConnection(db.jdbcUrl("alpha_db"), "alpha", "alpha-secret");
                 Statement statement = alpha.createStatement()) {
                statement.execute("CREATE TABLE seat (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO seat VALUES (1)");
                try (ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
                    rs.next();
                    assertThat(rs.getString(1)).contains("MariaDB");
                }
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM beta_db.anything"))
                        .isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl("alpha_db"), "beta", "beta-secret"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void redisAnswersCommands() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(Ports.freePort(), Optional.empty());
             Socket socket = new Socket(redis.host(), redis.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("+PONG");
        }
    }

    @Test
    void aBusyPortIsReportedByName() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedRedis.start(socket.getLocalPort(), Optional.empty()))
                    .isInstanceOf(EmbeddedServerFailure.class)
                    .hasMessageContaining("Redis")
                    .hasMessageContaining("port " + socket.getLocalPort());
        }
    }
}
