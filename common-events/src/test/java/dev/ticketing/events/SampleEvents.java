package dev.ticketing.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One valid, recognisable instance of every event, for round trips and schema checks. */
final class SampleEvents {

    static final UUID TOKEN = UUID.fromString("6f1c2a8e-0d4b-4f7e-9a51-3c2b1d0e9f11");
    static final UUID USER = UUID.fromString("0b7e6d5c-4a3b-4c2d-8e1f-a0b1c2d3e4f5");
    static final UUID CONCERT = UUID.fromString("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
    static final UUID RESERVATION = UUID.fromString("3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a");
    static final UUID PAYMENT = UUID.fromString("c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f");
    static final UUID CHARGE = UUID.fromString("7e6f5a4b-3c2d-4e1f-8a9b-0c1d2e3f4a5b");
    static final long SCHEDULE = 42L;
    static final int SEAT = 17;
    static final LocalDate DATE = LocalDate.of(2026, 12, 24);
    /** Nanosecond precision on purpose: the round trip must not lose it. */
    static final Instant NOW = Instant.parse("2026-11-21T09:30:15.123456789Z");

    private SampleEvents() {
    }

    static TokenActivated tokenActivated() {
        return new TokenActivated(TOKEN, USER, CONCERT, NOW, NOW.plusSeconds(600), NOW.minusSeconds(90));
    }

    static TokenExpired tokenExpired() {
        return new TokenExpired(TOKEN, USER, CONCERT, TokenExpired.Reason.HOLD_EXPIRED, NOW, NOW.minusSeconds(400));
    }

    static ReservationHeld reservationHeld() {
        return new ReservationHeld(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, 150_000L, TOKEN,
                NOW, NOW.plusSeconds(300));
    }

    static HoldExpired holdExpired() {
        return new HoldExpired(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, TOKEN, NOW);
    }

    static ReservationConfirmed reservationConfirmed() {
        return new ReservationConfirmed(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, PAYMENT, 150_000L, NOW);
    }

    static ReservationRejected reservationRejected() {
        return new ReservationRejected(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, PAYMENT, 150_000L,
                ReservationRejected.Reason.HOLD_EXPIRED, NOW);
    }

    static BalanceCharged balanceCharged() {
        return new BalanceCharged(USER, CHARGE, 200_000L, 200_000L, NOW);
    }

    static PaymentCompleted paymentCompleted() {
        return new PaymentCompleted(PAYMENT, RESERVATION, USER, TOKEN, 150_000L, 50_000L, NOW);
    }

    static PaymentRefunded paymentRefunded() {
        return new PaymentRefunded(PAYMENT, RESERVATION, USER, 150_000L, 200_000L, NOW);
    }

    static List<DomainEvent> oneOfEach() {
        return List.of(tokenActivated(), tokenExpired(), reservationHeld(), holdExpired(),
                reservationConfirmed(), reservationRejected(), balanceCharged(), paymentCompleted(),
                paymentRefunded());
    }

    static DomainEvent of(Class<? extends DomainEvent> type) {
        return oneOfEach().stream().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + type.getSimpleName()));
    }
}
