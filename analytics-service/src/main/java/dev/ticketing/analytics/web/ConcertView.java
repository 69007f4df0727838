package dev.ticketing.analytics.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.ticketing.analytics.figures.ConcertFigures;
import dev.ticketing.analytics.figures.DateFigures;
import dev.ticketing.analytics.figures.JoinToPurchase;
import dev.ticketing.analytics.query.LocalFigures;
import dev.ticketing.analytics.query.MinuteWindow;

/** {@code GET /api/v1/admin/analytics/concerts/{concertId}}: one concert's queue, funnel and sales. */
record ConcertView(UUID concertId, Queue queue, Funnel funnel, Sales sales, List<DateView> dates,
                   Wait joinToPurchase, List<MinuteWindow> salesPerMinute) {

    /** The line: fans who joined, were admitted, and gave up waiting. */
    record Queue(long joins, long admissions, long abandons) {
    }

    /** Distinct fans (queue tokens) at each step, and the share of each step that reached the next. */
    record Funnel(long joined, long admitted, long held, long paid, Double admittedOfJoined, Double heldOfAdmitted,
                  Double paidOfHeld, Double paidOfJoined) {
    }

    /** Over all dates: seats sold, and money (KRW) paid, refunded and kept. */
    record Sales(long seatsSold, long revenue, long paidAmount, long refunds, long refundedAmount) {
    }

    record DateView(long scheduleId, String date, long holds, long expiries, long confirmations, long rejections,
                    long seatsSold, long payments, long paidAmount, long refunds, long refundedAmount, long revenue) {
    }

    /** Time from joining the line to paying: percentiles estimated within histogram buckets. */
    record Wait(long purchases, double meanSeconds, Double p50Seconds, Double p90Seconds, Double p99Seconds,
                List<Bucket> buckets) {
    }

    /** Purchases that took at most {@code le} seconds ({@code "+Inf"}: all of them). */
    record Bucket(String le, long count) {
    }

    static ConcertView of(LocalFigures local) {
        ConcertFigures f = local.figures();
        List<DateView> dates = f.dates().values().stream()
                .sorted(Comparator.comparing(DateFigures::date).thenComparing(DateFigures::scheduleId))
                .map(d -> new DateView(d.scheduleId(), d.date(), d.holds(), d.expiries(), d.confirmations(),
                        d.rejections(), d.seatsSold(), d.payments(), d.paidAmount(), d.refunds(), d.refundedAmount(),
                        d.revenue()))
                .toList();
        long paid = dates.stream().mapToLong(DateView::paidAmount).sum();
        long refunded = dates.stream().mapToLong(DateView::refundedAmount).sum();
        long refunds = dates.stream().mapToLong(DateView::refunds).sum();
        return new ConcertView(UUID.fromString(f.concertId()),
                new Queue(f.joins(), f.admissions(), f.abandons()),
                new Funnel(f.joins(), f.admissions(), f.fansHeld(), f.fansPaid(), share(f.admissions(), f.joins()),
                        share(f.fansHeld(), f.admissions()), share(f.fansPaid(), f.fansHeld()),
                        share(f.fansPaid(), f.joins())),
                new Sales(f.seatsSold(), f.revenue(), paid, refunds, refunded),
                dates, wait(f.joinToPurchase()), local.minutes());
    }

    /** A share rounded to 4 places; null while nobody reached the step before. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static Wait wait(JoinToPurchase histogram) {
        List<Bucket> buckets = IntStream.rangeClosed(0, JoinToPurchase.BOUNDS.size())
                .mapToObj(i -> new Bucket(i < JoinToPurchase.BOUNDS.size()
                        ? Long.toString(Math.round(JoinToPurchase.BOUNDS.get(i))) : "+Inf", histogram.cumulative(i)))
                .toList();
        return new Wait(histogram.count(), histogram.meanSeconds(), histogram.quantile(0.5),
                histogram.quantile(0.9), histogram.quantile(0.99), buckets);
    }
}
