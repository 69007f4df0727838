package dev.ticketing.analytics.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.ticketing.analytics.figures.ConcertFigures;
import dev.ticketing.analytics.figures.MinuteSales;
import dev.ticketing.analytics.streams.SalesTopology;

/** Reads the figures this instance holds: the concerts of the partitions its stream tasks own. */
public final class LocalStores {

    private LocalStores() {
    }

    public static Optional<LocalFigures> concert(KafkaStreams streams, String concertId, Instant from, Instant to) {
        try {
            ConcertFigures figures = figures(streams).get(concertId);
            if (figures == null) {
                return Optional.empty();
            }
            List<MinuteWindow> minutes = new ArrayList<>();
            try (WindowStoreIterator<MinuteSales> windows = minutes(streams).fetch(concertId, from, to)) {
                windows.forEachRemaining(window -> minutes.add(new MinuteWindow(Instant.ofEpochMilli(window.key),
                        window.value.seats(), window.value.revenue())));
            }
            return Optional.of(new LocalFigures(figures, minutes));
        } catch (InvalidStateStoreException e) {
            throw new FiguresNotReady("this instance's figures are not queryable right now", e);
        }
    }

    public static List<ConcertFigures> all(KafkaStreams streams) {
        List<ConcertFigures> concerts = new ArrayList<>();
        try (KeyValueIterator<String, ConcertFigures> all = figures(streams).all()) {
            all.forEachRemaining((KeyValue<String, ConcertFigures> entry) -> concerts.add(entry.value));
            return concerts;
        } catch (InvalidStateStoreException e) {
            throw new FiguresNotReady("this instance's figures are not queryable right now", e);
        }
    }

    /** The sales of the latest one-minute window that ended at or before {@code now}, zero when it sold nothing. */
    public static MinuteSales lastCompleteMinute(KafkaStreams streams, String concertId, Instant now) {
        Instant start = now.truncatedTo(ChronoUnit.MINUTES).minusSeconds(60);
        MinuteSales sales = minutes(streams).fetch(concertId, start.toEpochMilli());
        return sales == null ? MinuteSales.none() : sales;
    }

    private static ReadOnlyKeyValueStore<String, ConcertFigures> figures(KafkaStreams streams) {
        return streams.store(StoreQueryParameters.fromNameAndType(SalesTopology.FIGURES_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private static ReadOnlyWindowStore<String, MinuteSales> minutes(KafkaStreams streams) {
        return streams.store(StoreQueryParameters.fromNameAndType(SalesTopology.MINUTE_SALES_STORE,
                QueryableStoreTypes.windowStore()));
    }
}
