package dev.ticketing.messaging.deadletter;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The consumer groups of this application's {@code @KafkaListener}s and the topics each consumes. */
public final class ListenerGroups {

    private ListenerGroups() {
    }

    public static List<DeadLetterDepth.Consumed> consumed(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return listeners.stream()
                .flatMap(registry -> registry.getListenerContainers().stream())
                .filter(container -> container.getGroupId() != null)
                .flatMap(ListenerGroups::consumed)
                .distinct().toList();
    }

    public static List<String> groups(ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return consumed(listeners).stream().map(DeadLetterDepth.Consumed::group).distinct().sorted().toList();
    }

    private static Stream<DeadLetterDepth.Consumed> consumed(MessageListenerContainer container) {
        String[] topics = Objects.requireNonNullElse(container.getContainerProperties().getTopics(), new String[0]);
        return Arrays.stream(topics).map(topic -> new DeadLetterDepth.Consumed(container.getGroupId(), topic));
    }
}
