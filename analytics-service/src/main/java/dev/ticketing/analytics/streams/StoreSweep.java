package dev.ticketing.analytics.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forgets entries not touched for longer than the topics keep events: no redelivery can reach them any more, so
 * their counted event ids guard nothing. (A dead-letter replay of something older would count again.)
 */
final class StoreSweep {

    private StoreSweep() {
    }

    static <V> void forget(KeyValueStore<String, V> store, Function<V, Instant> lastSeen, Instant before) {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                Instant seen = lastSeen.apply(entry.value);
                if (seen != null && seen.isBefore(before)) {
                    stale.add(entry.key);
                }
            }
        }
        stale.forEach(store::delete);
    }
}
