package dev.ticketing.concert.availability.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ticketing.events.EventSerde;

class ReservationEventsListenerTest {

    @Test
    void everyReservationEventTypesLagAndAppliedCountReadZeroBeforeTheFirstEvent() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        new ReservationEventsListener(new EventSerde(), null, meters, Clock.systemUTC());

        for (String type : new String[] {"ReservationHeld", "HoldExpired", "ReservationConfirmed", "ReservationRejected"}) {
            assertThat(meters.get("ticketing.catalog.readmodel.lag").tag("type", type).timer().count()).as(type)
                    .isZero();
            assertThat(meters.get("ticketing.catalog.readmodel.applied").tag("type", type).counter().count())
                    .as(type).isZero();
        }
    }
}
