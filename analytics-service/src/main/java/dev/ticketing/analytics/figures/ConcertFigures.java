package dev.ticketing.analytics.figures;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Everything counted for one concert. The queue is per concert: joins, admissions and abandons, and the funnel of
 * distinct fans (queue tokens) joined → admitted → held → paid. Sales are per date ({@code dates}, keyed by
 * scheduleId).
 */
public record ConcertFigures(String concertId, long joins, long admissions, long abandons, long fansHeld,
                             long fansPaid, Map<Long, DateFigures> dates, JoinToPurchase joinToPurchase) {

    public ConcertFigures {
        dates = Map.copyOf(dates);
    }

    public static ConcertFigures of(String concertId) {
        return new ConcertFigures(concertId, 0, 0, 0, 0, 0, Map.of(), JoinToPurchase.none());
    }

    public ConcertFigures joined() {
        return new ConcertFigures(concertId, joins + 1, admissions, abandons, fansHeld, fansPaid, dates, joinToPurchase);
    }

    public ConcertFigures admitted() {
        return new ConcertFigures(concertId, joins, admissions + 1, abandons, fansHeld, fansPaid, dates, joinToPurchase);
    }

    public ConcertFigures abandoned() {
        return new ConcertFigures(concertId, joins, admissions, abandons + 1, fansHeld, fansPaid, dates, joinToPurchase);
    }

    public ConcertFigures fanHeld() {
        return new ConcertFigures(concertId, joins, admissions, abandons, fansHeld + 1, fansPaid, dates, joinToPurchase);
    }

    public ConcertFigures fanPaid() {
        return new ConcertFigures(concertId, joins, admissions, abandons, fansHeld, fansPaid + 1, dates, joinToPurchase);
    }

    public ConcertFigures purchaseAfter(double seconds) {
        return new ConcertFigures(concertId, joins, admissions, abandons, fansHeld, fansPaid, dates,
                joinToPurchase.plus(seconds));
    }

    public ConcertFigures onDate(long scheduleId, String date, UnaryOperator<DateFigures> change) {
        Map<Long, DateFigures> next = new TreeMap<>(dates);
        next.put(scheduleId, change.apply(next.getOrDefault(scheduleId, DateFigures.of(scheduleId, date))));
        return new ConcertFigures(concertId, joins, admissions, abandons, fansHeld, fansPaid, next, joinToPurchase);
    }

    public long seatsSold() {
        return dates.values().stream().mapToLong(DateFigures::seatsSold).sum();
    }

    public long revenue() {
        return dates.values().stream().mapToLong(DateFigures::revenue).sum();
    }
}
