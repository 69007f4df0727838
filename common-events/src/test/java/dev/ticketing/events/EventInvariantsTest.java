package dev.ticketing.events;

import static dev.ticketing.events.SampleEvents.CHARGE;
import static dev.ticketing.events.SampleEvents.CONCERT;
import static dev.ticketing.events.SampleEvents.DATE;
import static dev.ticketing.events.SampleEvents.NOW;
import static dev.ticketing.events.SampleEvents.PAYMENT;
import static dev.ticketing.events.SampleEvents.RESERVATION;
import static dev.ticketing.events.SampleEvents.SCHEDULE;
import static dev.ticketing.events.SampleEvents.SEAT;
import static dev.ticketing.events.SampleEvents.TOKEN;
import static dev.ticketing.events.SampleEvents.USER;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventInvariantsTest {

    static Stream<Arguments> impossibleEvents() {
        return Stream.of(
                impossible("seat 0", "seatNumber",
                        () -> new HoldExpired(RESERVATION, USER, CONCERT, SCHEDULE, DATE, 0, TOKEN, NOW)),
                impossible("seat 51", "seatNumber",
                        () -> new HoldExpired(RESERVATION, USER, CONCERT, SCHEDULE, DATE, 51, TOKEN, NOW)),
                impossible("no reservation id", "reservationId",
                        () -> new ReservationConfirmed(null, USER, CONCERT, SCHEDULE, DATE, SEAT, PAYMENT, 1, NOW)),
                impossible("no date", "date",
                        () -> new ReservationConfirmed(RESERVATION, USER, CONCERT, SCHEDULE, null, SEAT, PAYMENT, 1, NOW)),
                impossible("schedule 0", "scheduleId",
                        () -> new HoldExpired(RESERVATION, USER, CONCERT, 0, DATE, SEAT, TOKEN, NOW)),
                impossible("negative price", "price",
                        () -> new ReservationHeld(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, -1, TOKEN, NOW, NOW.plusSeconds(300))),
                impossible("hold ending before it starts", "expiresAt",
                        () -> new ReservationHeld(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, 1, TOKEN, NOW, NOW)),
                impossible("hold without token", "tokenId",
                        () -> new ReservationHeld(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, 1, null, NOW, NOW.plusSeconds(1))),
                impossible("rejection without reason", "reason",
                        () -> new ReservationRejected(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, PAYMENT, 1, null, NOW)),
                impossible("negative refund", "amount",
                        () -> new ReservationRejected(RESERVATION, USER, CONCERT, SCHEDULE, DATE, SEAT, PAYMENT, -5,
                                ReservationRejected.Reason.HOLD_EXPIRED, NOW)),
                impossible("token expiring before activation", "expiresAt",
                        () -> new TokenActivated(TOKEN, USER, CONCERT, NOW, NOW.minusSeconds(1), null)),
                impossible("token joining after its activation", "joinedAt",
                        () -> new TokenActivated(TOKEN, USER, CONCERT, NOW, NOW.plusSeconds(1), NOW.plusMillis(1))),
                impossible("expiry without reason", "reason",
                        () -> new TokenExpired(TOKEN, USER, CONCERT, null, NOW, null)),
                impossible("no token id", "tokenId",
                        () -> new TokenExpired(null, USER, CONCERT, TokenExpired.Reason.PAID, NOW, null)),
                impossible("charge of nothing", "amount",
                        () -> new BalanceCharged(USER, CHARGE, 0, 100, NOW)),
                impossible("negative balance after charge", "balance",
                        () -> new BalanceCharged(USER, CHARGE, 100, -1, NOW)),
                impossible("payment without token", "tokenId",
                        () -> new PaymentCompleted(PAYMENT, RESERVATION, USER, null, 100, 0, NOW)),
                impossible("negative balance after payment", "balance",
                        () -> new PaymentCompleted(PAYMENT, RESERVATION, USER, TOKEN, 100, -100, NOW)),
                impossible("refund without time", "refundedAt",
                        () -> new PaymentRefunded(PAYMENT, RESERVATION, USER, 100, 100, null)));
    }

    private static Arguments impossible(String what, String field, ThrowingCallable construction) {
        return Arguments.of(what, field, construction);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleEvents")
    void impossibleEventsCannotBeConstructed(String what, String field, ThrowingCallable construction) {
        assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }

    @Test
    void boundarySeatsAndFreeSeatsAreValid() {
        assertThatCode(() -> new HoldExpired(RESERVATION, USER, CONCERT, SCHEDULE, DATE, 1, TOKEN, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ReservationConfirmed(RESERVATION, USER, CONCERT, SCHEDULE, DATE, 50, PAYMENT, 0, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void envelopeRefusesAnEventTypeThatIsNotItsPayloads() {
        assertThatThrownBy(() -> new EventEnvelope<>(PAYMENT, "HoldExpired", 1, NOW, PAYMENT.toString(),
                SampleEvents.paymentCompleted()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HoldExpired");
    }

    @Test
    void envelopeRefusesMissingIdsAndVersionsBelowOne() {
        PaymentCompleted payload = SampleEvents.paymentCompleted();
        assertThatThrownBy(() -> new EventEnvelope<>(null, "PaymentCompleted", 1, NOW, "a", payload))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> new EventEnvelope<>(PAYMENT, "PaymentCompleted", 0, NOW, "a", payload))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> new EventEnvelope<>(PAYMENT, "PaymentCompleted", 1, null, "a", payload))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("occurredAt");
    }
}
