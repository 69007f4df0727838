package dev.ticketing.analytics.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.analytics.query.FiguresQuery;

/**
 * The figures, for admins ({@code X-Admin-Key}, checked for every {@code /api/v1/admin/**} request), through the
 * gateway. They follow the events by well under a second; each answer is what has been counted so far.
 */
@RestController
@RequestMapping("/api/v1/admin/analytics/concerts")
class AnalyticsController {

    static final int MAX_MINUTES = 1440;

    private final FiguresQuery query;
    private final Clock clock;

    AnalyticsController(FiguresQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    /** Every concert with counted events, most seats sold first. */
    @GetMapping
    ConcertList concerts() {
        return new ConcertList(query.all().stream().map(ConcertSummary::of)
                .sorted(Comparator.comparingLong(ConcertSummary::seatsSold).reversed()
                        .thenComparing(summary -> summary.concertId().toString()))
                .toList());
    }

    /** @param minutes how many of the latest one-minute sales windows to include (1 to 1440) */
    @GetMapping("/{concertId}")
    ConcertView concert(@PathVariable UUID concertId, @RequestParam(defaultValue = "60") int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new InvalidMinutes(minutes);
        }
        Instant now = clock.instant();
        return query.concert(concertId.toString(), now.minus(Duration.ofMinutes(minutes)), now)
                .map(ConcertView::of)
                .orElseThrow(() -> new NoFigures(concertId));
    }

    record ConcertList(List<ConcertSummary> concerts) {
    }

    static final class InvalidMinutes extends RuntimeException {
        InvalidMinutes(int minutes) {
            super("minutes must be 1 to " + MAX_MINUTES + " but was " + minutes + ".");
        }
    }

    static final class NoFigures extends RuntimeException {
        NoFigures(UUID concertId) {
            super("No event of concert " + concertId + " has been counted.");
        }
    }
}
