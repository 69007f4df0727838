package dev.ticketing.concert.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final LocalDate DATE = LocalDate.parse("2030-05-01");
    private static final Instant OPENS = Instant.parse("2030-04-01T01:00:00Z");
    private static final ScheduleId ID = new ScheduleId(7);

    @Test
    void aPlannedDateHasFiftyAvailableSeatsAtTheBasePrice() {
        Schedule schedule = Schedule.plan(ID, DATE, OPENS, new Price(100_000), Map.of());

        assertThat(schedule.totalSeats()).isEqualTo(50);
        assertThat(schedule.seats()).extracting(Seat::status).containsOnly(SeatStatus.AVAILABLE);
        assertThat(schedule.seats()).extracting(Seat::price).containsOnly(new Price(100_000));
        assertThat(schedule.seats()).extracting(Seat::number).containsExactlyElementsOf(SeatNumber.all());
    }

    @Test
    void seatsWithTheirOwnPriceKeepIt() {
        Schedule schedule = Schedule.plan(ID, DATE, OPENS, new Price(100_000),
                Map.of(new SeatNumber(1), new Price(150_000), new SeatNumber(50), new Price(80_000)));

        assertThat(schedule.seats().get(0).price()).isEqualTo(new Price(150_000));
        assertThat(schedule.seats().get(1).price()).isEqualTo(new Price(100_000));
        assertThat(schedule.seats().get(49).price()).isEqualTo(new Price(80_000));
    }

    @Test
    void aDateWithoutAllFiftySeatsCannotExist() {
        List<Seat> fortyNine = SeatNumber.all().stream().skip(1).map(n -> Seat.available(n, new Price(1))).toList();

        assertThatThrownBy(() -> new Schedule(ID, DATE, OPENS, new Price(1), fortyNine))
                .isInstanceOf(CatalogRuleViolation.class);
    }

    @Test
    void bookingCannotOpenAfterTheDate() {
        Instant dayAfter = Instant.parse("2030-05-02T00:00:00Z");

        assertThatThrownBy(() -> Schedule.plan(ID, DATE, dayAfter, new Price(1), Map.of()))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("must open before the date");
    }

    @Test
    void bookingMayOpenOnTheDayItself() {
        Instant sameDay = Instant.parse("2030-05-01T23:59:59Z");

        assertThat(Schedule.plan(ID, DATE, sameDay, new Price(1), Map.of()).bookingOpensAt()).isEqualTo(sameDay);
    }

    @Test
    void aDateBeyondYear9999IsRefused() {
        LocalDate year10000 = LocalDate.parse("+10000-01-01");

        assertThatThrownBy(() -> Schedule.plan(ID, year10000, OPENS, new Price(1), Map.of()))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("beyond 9999-12-31");
        assertThat(Schedule.plan(ID, Schedule.LAST_DATE, OPENS, new Price(1), Map.of()).date()).isEqualTo(Schedule.LAST_DATE);
    }

    @Test
    void bookingCannotOpenBefore1970() {
        assertThatThrownBy(() -> Schedule.plan(ID, DATE, Instant.parse("1969-12-31T23:59:59Z"), new Price(1), Map.of()))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("cannot open before");
        assertThatThrownBy(() -> Schedule.plan(ID, DATE, Instant.parse("-0001-01-01T00:00:00Z"), new Price(1), Map.of()))
                .isInstanceOf(CatalogRuleViolation.class);
    }
}
