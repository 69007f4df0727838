package dev.ticketing.analytics.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.ticketing.analytics.figures.ConcertFigures;
import dev.ticketing.analytics.figures.DateFigures;
import dev.ticketing.analytics.figures.JoinToPurchase;
import dev.ticketing.analytics.figures.MinuteSales;
import dev.ticketing.analytics.query.FiguresNotReady;
import dev.ticketing.analytics.query.LocalStores;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The figures as Prometheus gauges ({@code ticketing.analytics.*}, tagged by concert, and date where sales are per
 * date), read from this instance's stores every few seconds. Each instance reports the concerts whose partitions it
 * owns, so a query sums over instances; a concert that moves to another instance leaves this one's series.
 * Money is in KRW (no unit suffix). Gauges, not counters: a figure is the exactly-once count in the store, which a re-run task never adds to twice.
 */
@Component
class SalesGauges {

    private static final Logger log = LoggerFactory.getLogger(SalesGauges.class);

    private final StreamsBuilderFactoryBean factory;
    private final Clock clock;
    private final MultiGauge funnel;
    private final MultiGauge abandoned;
    private final MultiGauge reservations;
    private final MultiGauge seatsSold;
    private final MultiGauge revenue;
    private final MultiGauge paidAmount;
    private final MultiGauge refundedAmount;
    private final MultiGauge refunds;
    private final MultiGauge waitBuckets;
    private final MultiGauge waitCount;
    private final MultiGauge waitSum;
    private final MultiGauge minuteSales;
    private final MultiGauge minuteRevenue;

    SalesGauges(StreamsBuilderFactoryBean factory, Clock clock, MeterRegistry registry) {
        this.factory = factory;
        this.clock = clock;
        this.funnel = gauge(registry, "ticketing.analytics.funnel", null,
                "Distinct fans (queue tokens) that reached each step: joined, admitted, held, paid");
        this.abandoned = gauge(registry, "ticketing.analytics.queue.abandoned", null,
                "Fans who stopped waiting and lost their place in the line");
        this.reservations = gauge(registry, "ticketing.analytics.reservations", null,
                "Reservation events counted per concert date, by outcome: held, expired, confirmed, rejected");
        this.seatsSold = gauge(registry, "ticketing.analytics.seats.sold", null, "Seats sold per concert date");
        this.revenue = gauge(registry, "ticketing.analytics.revenue", null,
                "Paid less refunded, per concert date");
        this.paidAmount = gauge(registry, "ticketing.analytics.paid.amount", null, "Paid per concert date");
        this.refundedAmount = gauge(registry, "ticketing.analytics.refunded.amount", null,
                "Refunded per concert date");
        this.refunds = gauge(registry, "ticketing.analytics.refunds", null, "Payments refunded per concert date");
        this.waitBuckets = gauge(registry, "ticketing.analytics.join.to.purchase.buckets", null,
                "Purchases whose time from joining the line to paying was at most le seconds (cumulative)");
        this.waitCount = gauge(registry, "ticketing.analytics.join.to.purchase.timed", null,
                "Purchases timed from joining the line");
        this.waitSum = gauge(registry, "ticketing.analytics.join.to.purchase.waited", "seconds",
                "Total time from joining the line to paying, over the purchases timed");
        this.minuteSales = gauge(registry, "ticketing.analytics.minute.sales", null,
                "Seats sold in the last complete one-minute window");
        this.minuteRevenue = gauge(registry, "ticketing.analytics.minute.revenue", null,
                "Revenue of the seats sold in the last complete one-minute window");
    }

    @Scheduled(initialDelayString = "${ticketing.analytics.gauges-refresh:5s}",
            fixedDelayString = "${ticketing.analytics.gauges-refresh:5s}")
    void refresh() {
        KafkaStreams streams = factory.getKafkaStreams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return; // keep the last figures while starting or rebalancing
        }
        List<ConcertFigures> concerts;
        try {
            concerts = LocalStores.all(streams);
        } catch (FiguresNotReady e) {
            log.debug("gauges_not_refreshed reason=\"{}\"", e.getMessage());
            return;
        }
        List<MultiGauge.Row<?>> funnelRows = new ArrayList<>();
        List<MultiGauge.Row<?>> abandonRows = new ArrayList<>();
        List<MultiGauge.Row<?>> reservationRows = new ArrayList<>();
        Map<MultiGauge, List<MultiGauge.Row<?>>> perDate = Map.of(seatsSold, new ArrayList<>(), revenue,
                new ArrayList<>(), paidAmount, new ArrayList<>(), refundedAmount, new ArrayList<>(), refunds,
                new ArrayList<>());
        List<MultiGauge.Row<?>> bucketRows = new ArrayList<>();
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        List<MultiGauge.Row<?>> sumRows = new ArrayList<>();
        List<MultiGauge.Row<?>> minuteSalesRows = new ArrayList<>();
        List<MultiGauge.Row<?>> minuteRevenueRows = new ArrayList<>();
        for (ConcertFigures concert : concerts) {
            Tags tags = Tags.of("concert", concert.concertId());
            funnelRows.add(MultiGauge.Row.of(tags.and("stage", "joined"), concert.joins()));
            funnelRows.add(MultiGauge.Row.of(tags.and("stage", "admitted"), concert.admissions()));
            funnelRows.add(MultiGauge.Row.of(tags.and("stage", "held"), concert.fansHeld()));
            funnelRows.add(MultiGauge.Row.of(tags.and("stage", "paid"), concert.fansPaid()));
            abandonRows.add(MultiGauge.Row.of(tags, concert.abandons()));
            for (DateFigures date : concert.dates().values()) {
                Tags dated = tags.and("date", date.date());
                reservationRows.add(MultiGauge.Row.of(dated.and("outcome", "held"), date.holds()));
                reservationRows.add(MultiGauge.Row.of(dated.and("outcome", "expired"), date.expiries()));
                reservationRows.add(MultiGauge.Row.of(dated.and("outcome", "confirmed"), date.confirmations()));
                reservationRows.add(MultiGauge.Row.of(dated.and("outcome", "rejected"), date.rejections()));
                row(perDate, seatsSold, dated, date, DateFigures::seatsSold);
                row(perDate, revenue, dated, date, DateFigures::revenue);
                row(perDate, paidAmount, dated, date, DateFigures::paidAmount);
                row(perDate, refundedAmount, dated, date, DateFigures::refundedAmount);
                row(perDate, refunds, dated, date, DateFigures::refunds);
            }
            JoinToPurchase waits = concert.joinToPurchase();
            for (int bucket = 0; bucket <= JoinToPurchase.BOUNDS.size(); bucket++) {
                String le = bucket < JoinToPurchase.BOUNDS.size()
                        ? Double.toString(JoinToPurchase.BOUNDS.get(bucket)) : "+Inf";
                bucketRows.add(MultiGauge.Row.of(tags.and("le", le), waits.cumulative(bucket)));
            }
            countRows.add(MultiGauge.Row.of(tags, waits.count()));
            sumRows.add(MultiGauge.Row.of(tags, waits.sumSeconds()));
            MinuteSales lastMinute = LocalStores.lastCompleteMinute(streams, concert.concertId(), clock.instant());
            minuteSalesRows.add(MultiGauge.Row.of(tags, lastMinute.seats()));
            minuteRevenueRows.add(MultiGauge.Row.of(tags, lastMinute.revenue()));
        }
        funnel.register(funnelRows, true);
        abandoned.register(abandonRows, true);
        reservations.register(reservationRows, true);
        perDate.forEach((gauge, rows) -> gauge.register(rows, true));
        waitBuckets.register(bucketRows, true);
        waitCount.register(countRows, true);
        waitSum.register(sumRows, true);
        minuteSales.register(minuteSalesRows, true);
        minuteRevenue.register(minuteRevenueRows, true);
    }

    private static void row(Map<MultiGauge, List<MultiGauge.Row<?>>> rows, MultiGauge gauge, Tags tags,
                            DateFigures date, ToLongFunction<DateFigures> value) {
        rows.get(gauge).add(MultiGauge.Row.of(tags, value.applyAsLong(date)));
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String unit, String description) {
        return MultiGauge.builder(name).baseUnit(unit).description(description).register(registry);
    }
}
