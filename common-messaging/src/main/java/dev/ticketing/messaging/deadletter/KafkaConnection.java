package dev.ticketing.messaging.deadletter;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

/** The settings every Kafka client needs to reach the cluster (servers, security), without client-specific ones. */
final class KafkaConnection {

    private KafkaConnection() {
    }

    static Map<String, Object> of(Map<String, Object> config) {
        Map<String, Object> connection = new HashMap<>();
        config.forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || key.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)
                    || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                connection.put(key, value);
            }
        });
        if (!connection.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("no " + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG + " in " + config.keySet());
        }
        return connection;
    }
}
