package dev.ticketing.messaging.deadletter;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of dead-letter topics: one per consumer group and source topic, {@code <topic>.<group>.DLT}
 * (e.g. {@code payment.events.reservation-service.DLT}). Per group, because each group fails on its own: a
 * record poison to one service may be fine for another, and replaying one group's dead letters must not
 * depend on another's. Replay commits its progress as the group {@code <group>.dlt-replay}.
 */
public final class DeadLetterTopics {

    public static final String SUFFIX = ".DLT";
    public static final String REPLAY_GROUP_SUFFIX = ".dlt-replay";

    // Kafka topic names allow only these characters; a group id with others would make an illegal DLT name.
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    private DeadLetterTopics() {
    }

    public static String of(String topic, String group) {
        return requireLegal(topic, "topic") + "." + requireLegal(group, "group") + SUFFIX;
    }

    /** The consumer group under which replay commits how far it has re-driven a group's dead letters. */
    public static String replayGroupOf(String group) {
        return requireLegal(group, "group") + REPLAY_GROUP_SUFFIX;
    }

    /** The source topic of one of {@code group}'s dead-letter topics, or empty for any other topic. */
    public static Optional<String> sourceOf(String deadLetterTopic, String group) {
        String tail = "." + requireLegal(group, "group") + SUFFIX;
        if (!deadLetterTopic.endsWith(tail) || deadLetterTopic.length() == tail.length()) {
            return Optional.empty();
        }
        return Optional.of(deadLetterTopic.substring(0, deadLetterTopic.length() - tail.length()));
    }

    private static String requireLegal(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!LEGAL.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' cannot be part of a topic name");
        }
        return name;
    }
}
