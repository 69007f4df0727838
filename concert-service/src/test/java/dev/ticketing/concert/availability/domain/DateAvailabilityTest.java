package dev.ticketing.concert.availability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.ticketing.concert.catalog.domain.ScheduleId;

class DateAvailabilityTest {

    private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2030-03-10");

    @Test
    void aDateWhoseBookingHasOpenedWithSeatsLeftIsBookable() {
        assertThat(date(TODAY.plusDays(5), NOW.minusSeconds(1), 1).bookableAt(NOW)).isTrue();
    }

    @Test
    void bookingOpensAtTheExactInstant() {
        assertThat(date(TODAY.plusDays(5), NOW, 50).bookableAt(NOW)).isTrue();
        assertThat(date(TODAY.plusDays(5), NOW.plusMillis(1), 50).bookableAt(NOW)).isFalse();
    }

    @Test
    void todaysDateIsStillBookableAndYesterdaysIsNot() {
        assertThat(date(TODAY, NOW.minusSeconds(3600), 50).bookableAt(NOW)).isTrue();
        assertThat(date(TODAY.minusDays(1), NOW.minusSeconds(86_400 * 3), 50).bookableAt(NOW)).isFalse();
    }

    @Test
    void todayIsTheUtcDay() {
        Instant lateEvening = Instant.parse("2030-03-10T23:59:59Z");
        Instant nextMorning = Instant.parse("2030-03-11T00:00:00Z");

        assertThat(date(TODAY, NOW, 50).bookableAt(lateEvening)).isTrue();
        assertThat(date(TODAY, NOW, 50).bookableAt(nextMorning)).isFalse();
    }

    @Test
    void aSoldOutDateIsNotBookable() {
        assertThat(date(TODAY.plusDays(5), NOW.minusSeconds(1), 0).bookableAt(NOW)).isFalse();
    }

    @Test
    void moreAvailableSeatsThanSeatsCannotBe() {
        assertThatThrownBy(() -> date(TODAY, NOW, 51)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> date(TODAY, NOW, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DateAvailability date(LocalDate date, Instant opensAt, int available) {
        return new DateAvailability(new ScheduleId(1), date, opensAt, available, 50);
    }
}
