package dev.ticketing.messaging.deadletter;

import java.util.List;

/** What one replay re-drove: per dead-letter topic of the group, how many records went back to their topic. */
public record ReplayReport(String group, List<Replayed> topics) {

    public ReplayReport {
        topics = List.copyOf(topics);
    }

    public record Replayed(String deadLetterTopic, String sourceTopic, long records) {
    }

    public long total() {
        return topics.stream().mapToLong(Replayed::records).sum();
    }
}
