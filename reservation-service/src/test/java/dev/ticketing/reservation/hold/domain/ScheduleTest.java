package dev.ticketing.reservation.hold.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void bookingIsOpenFromItsOpeningInstantOn() {
        Schedule schedule = Schedules.open();

        assertThat(schedule.isOpenAt(Schedules.OPENED.minusMillis(1))).isFalse();
        assertThat(schedule.isOpenAt(Schedules.OPENED)).isTrue();
    }

    @Test
    void eachSeatHasItsCatalogPrice() {
        assertThat(Schedules.open().priceOf(new SeatNumber(17))).isEqualTo(17_000L);
    }

    @Test
    void aScheduleWithoutEveryOneOfItsFiftySeatsCannotBeBuilt() {
        Map<SeatNumber, Long> prices = Schedules.prices();
        prices.remove(new SeatNumber(50));

        assertThatThrownBy(() -> schedule(prices)).hasMessageContaining("seat 50");
    }

    @Test
    void aFreeSeatCannotBeBuilt() {
        Map<SeatNumber, Long> prices = Schedules.prices();
        prices.put(new SeatNumber(3), 0L);

        assertThatThrownBy(() -> schedule(prices)).hasMessageContaining("seat 3");
    }

    @Test
    void seatNumbersOutsideOneToFiftyCannotBeBuilt() {
        assertThatThrownBy(() -> new SeatNumber(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatNumber(51)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SeatNumber(1).value()).isEqualTo(1);
        assertThat(new SeatNumber(50).value()).isEqualTo(50);
    }

    private static Schedule schedule(Map<SeatNumber, Long> prices) {
        return new Schedule(UUID.randomUUID(), "A concert", 1, LocalDate.parse("2030-05-01"), Schedules.OPENED, prices);
    }
}
