package dev.ticketing.concert.availability.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.concert.catalog.domain.SeatStatus;

class SeatStateTest {

    @Test
    void anAvailableSeatHasNoHolder() {
        assertThatThrownBy(() -> new SeatState(SeatStatus.AVAILABLE, new ReservationId(UUID.randomUUID())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeldOrSoldSeatHasAHolder() {
        assertThatThrownBy(() -> new SeatState(SeatStatus.HELD, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SeatState(SeatStatus.SOLD, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFactOfAnotherReservationCannotBeMergedIn() {
        SeatReservation a = SeatReservation.unknown(new ReservationId(UUID.randomUUID()));

        assertThatThrownBy(() -> a.with(new SeatFact.Expired(new ReservationId(UUID.randomUUID()))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
