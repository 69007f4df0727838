package dev.ticketing.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsAndKeysTest {

    @Test
    void topicNamesAreTheOnesInTheCatalog() {
        assertThat(Topics.ALL).containsExactly("queue.events", "reservation.events", "payment.events");
    }

    @Test
    void queueEventsGoToQueueTopicKeyedByTokenId() {
        for (QueueEvent event : new QueueEvent[] {SampleEvents.tokenActivated(), SampleEvents.tokenExpired()}) {
            assertThat(event.topic()).isEqualTo("queue.events");
            assertThat(event.key()).isEqualTo(SampleEvents.TOKEN.toString());
            assertThat(event.aggregateId()).isEqualTo(SampleEvents.TOKEN.toString());
        }
    }

    @Test
    void reservationEventsGoToReservationTopicKeyedBySeatSoPerSeatOrderHolds() {
        ReservationEvent[] events = {SampleEvents.reservationHeld(), SampleEvents.holdExpired(),
                SampleEvents.reservationConfirmed(), SampleEvents.reservationRejected()};
        for (ReservationEvent event : events) {
            assertThat(event.topic()).isEqualTo("reservation.events");
            assertThat(event.key()).isEqualTo("42:17");
            assertThat(event.aggregateId()).isEqualTo(SampleEvents.RESERVATION.toString());
        }
    }

    @Test
    void paymentEventsGoToPaymentTopicKeyedByUserId() {
        PaymentEvent[] events = {SampleEvents.balanceCharged(), SampleEvents.paymentCompleted(),
                SampleEvents.paymentRefunded()};
        for (PaymentEvent event : events) {
            assertThat(event.topic()).isEqualTo("payment.events");
            assertThat(event.key()).isEqualTo(SampleEvents.USER.toString());
        }
    }

    @Test
    void paymentsAreTheirOwnAggregateWhileABalanceChargeBelongsToTheUser() {
        assertThat(SampleEvents.paymentCompleted().aggregateId()).isEqualTo(SampleEvents.PAYMENT.toString());
        assertThat(SampleEvents.paymentRefunded().aggregateId()).isEqualTo(SampleEvents.PAYMENT.toString());
        assertThat(SampleEvents.balanceCharged().aggregateId()).isEqualTo(SampleEvents.USER.toString());
    }

    @Test
    void topicKnownFromTheClassAgreesWithTheEventsOwn() {
        for (DomainEvent event : SampleEvents.oneOfEach()) {
            assertThat(EventTypes.topicOf(event.getClass())).isEqualTo(event.topic());
        }
    }

    @Test
    void envelopeCarriesItsPayloadsTopicAndKey() {
        EventEnvelope<HoldExpired> envelope = EventEnvelope.of(SampleEvents.holdExpired(), SampleEvents.NOW);

        assertThat(envelope.topic()).isEqualTo("reservation.events");
        assertThat(envelope.key()).isEqualTo("42:17");
    }
}
