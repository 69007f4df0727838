package dev.ticketing.analytics.web;

import java.util.UUID;

import dev.ticketing.analytics.figures.ConcertFigures;

/** A line of {@code GET /api/v1/admin/analytics/concerts}. */
record ConcertSummary(UUID concertId, long joins, long admissions, long fansPaid, long seatsSold, long revenue,
                      Double paidOfJoined) {

    static ConcertSummary of(ConcertFigures f) {
        return new ConcertSummary(UUID.fromString(f.concertId()), f.joins(), f.admissions(), f.fansPaid(),
                f.seatsSold(), f.revenue(), ConcertView.share(f.fansPaid(), f.joins()));
    }
}
