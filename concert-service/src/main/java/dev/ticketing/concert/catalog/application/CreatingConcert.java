package dev.ticketing.concert.catalog.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.concert.catalog.domain.Concert;
import dev.ticketing.concert.catalog.domain.Concerts;
import dev.ticketing.concert.catalog.domain.Price;
import dev.ticketing.concert.catalog.domain.Schedule;
import dev.ticketing.concert.catalog.domain.ScheduleId;
import dev.ticketing.concert.catalog.domain.SeatNumber;

/** Use case: an admin creates a concert with its dates and their 50 seats, all or nothing. */
@Service
public class CreatingConcert {

    private static final Logger log = LoggerFactory.getLogger(CreatingConcert.class);

    private final Concerts concerts;
    private final Clock clock;

    public CreatingConcert(Concerts concerts, Clock clock) {
        this.concerts = concerts;
        this.clock = clock;
    }

    /** @throws dev.ticketing.concert.catalog.domain.CatalogRuleViolation before anything is written */
    @Transactional
    public Concert create(CreateConcert command) {
        Instant now = clock.instant();
        List<ScheduleId> ids = concerts.nextScheduleIds(command.dates().size());
        List<Schedule> schedules = IntStream.range(0, ids.size())
                .mapToObj(i -> plan(ids.get(i), command.dates().get(i), now))
                .toList();
        Concert concert = Concert.create(command.title(), command.venue(), schedules, now);
        concerts.add(concert);
        log.info("concert_created concertId={} dates={} seats={}", concert.id(), schedules.size(),
                schedules.stream().mapToInt(Schedule::totalSeats).sum());
        return concert;
    }

    private static Schedule plan(ScheduleId id, CreateConcert.PlannedDate date, Instant now) {
        Map<SeatNumber, Price> seatPrices = new LinkedHashMap<>();
        date.seatPrices().forEach((seat, won) -> seatPrices.put(new SeatNumber(seat), new Price(won)));
        Instant opensAt = date.bookingOpensAt() == null ? now : date.bookingOpensAt();
        return Schedule.plan(id, date.date(), opensAt, new Price(date.price()), seatPrices);
    }
}
