package dev.ticketing.infra.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running inside this JVM
 * from Kafka's own artifacts. The data directory survives restarts: it is formatted once, on first start.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Fixed so that a formatted log directory can be reused across launches. */
    private static final String CLUSTER_ID = "tIcKeTiNgLoCaLcLuStEr";

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedKafka start(int brokerPort, int controllerPort, Path dataDir) {
        Ports.requireFree("Kafka", brokerPort);
        Ports.requireFree("Kafka controller", controllerPort);
        try {
            Files.createDirectories(dataDir);
            Properties props = brokerProperties(brokerPort, controllerPort, dataDir);
            format(props, dataDir);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, brokerPort);
        } catch (IOException e) {
            throw new EmbeddedServerFailure("Kafka could not prepare its data directory " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(int brokerPort, int controllerPort, Path dataDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "true");
        // A local broker should let consumer groups form at once instead of waiting 3 s for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "9223372036854775807");
        return p;
    }

    private static void format(Properties props, Path dataDir) throws IOException {
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "embedded Kafka broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {
                "format", "--cluster-id", CLUSTER_ID, "--config", config.toString(), "--ignore-formatted"
        }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new EmbeddedServerFailure("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
