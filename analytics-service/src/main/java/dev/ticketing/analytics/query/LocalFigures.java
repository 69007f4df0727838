package dev.ticketing.analytics.query;

import java.util.List;

import dev.ticketing.analytics.figures.ConcertFigures;

/** A concert's figures and its one-minute sales windows, as the instance that owns the concert's partition has them. */
public record LocalFigures(ConcertFigures figures, List<MinuteWindow> minutes) {

    public LocalFigures {
        minutes = List.copyOf(minutes);
    }
}
