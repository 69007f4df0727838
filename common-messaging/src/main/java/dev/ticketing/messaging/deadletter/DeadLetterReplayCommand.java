package dev.ticketing.messaging.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Replays a consumer group's dead letters from the command line, with any service's jar (common-messaging is
 * inside it):
 * <pre>
 * java -cp reservation-service.jar -Dloader.main=dev.ticketing.messaging.deadletter.DeadLetterReplayCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --group=reservation-service --bootstrap-servers=127.0.0.1:9092
 * </pre>
 * {@code --bootstrap-servers} defaults to {@code $SPRING_KAFKA_BOOTSTRAP_SERVERS}, then {@code 127.0.0.1:9092}.
 * Exit status 0 when done, 1 when the replay failed part-way (what was re-driven stays committed), 2 on bad usage.
 */
public final class DeadLetterReplayCommand {

    private DeadLetterReplayCommand() {
    }

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        String group = options.get("group");
        if (group == null || group.isBlank()) {
            System.err.println("usage: DeadLetterReplayCommand --group=<consumer group> [--bootstrap-servers=host:port]"
                    + " [--timeout=PT5M]");
            System.exit(2);
            return;
        }
        String servers = options.getOrDefault("bootstrap-servers",
                System.getenv().getOrDefault("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        Duration timeout = Duration.parse(options.getOrDefault("timeout", "PT5M"));
        try {
            ReplayReport report = new DeadLetterReplay(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers),
                    timeout).replay(group);
            report.topics().forEach(topic -> System.out.println("replayed group=" + group + " deadLetterTopic="
                    + topic.deadLetterTopic() + " sourceTopic=" + topic.sourceTopic() + " records=" + topic.records()));
            System.out.println("replayed group=" + group + " total=" + report.total());
        } catch (RuntimeException e) {
            System.err.println("replay failed group=" + group + " cause=" + e);
            System.exit(1);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
