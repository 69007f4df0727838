package dev.ticketing.gateway.seat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class SeatLanesTest {

    private static final Duration LONG_WAIT = Duration.ofMinutes(1);
    private static final Refusal TAKEN = new Refusal("application/problem+json",
            "{\"code\":\"SEAT_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8));

    private final HoldTarget seat = new HoldTarget(UUID.randomUUID(), LocalDate.of(2030, 5, 17), 7);

    @Test
    void theFirstHoldOnASeatGoesAtOnceAndTheOthersWait() {
        SeatLanes lanes = new SeatLanes(LONG_WAIT);

        assertThat(lanes.turn(seat).block()).isEqualTo(SeatLanes.IN_LANE);
        AtomicReference<SeatLanes.Turn> second = subscribe(lanes.turn(seat));

        assertThat(second.get()).isNull();
        assertThat(lanes.waiting(seat)).isEqualTo(1);
        assertThat(lanes.turn(new HoldTarget(seat.concertId(), seat.date(), 8)).block()).isEqualTo(SeatLanes.IN_LANE);
    }

    @Test
    void theServicesSeatTakenAnswersEveryHoldWaiting() {
        SeatLanes lanes = new SeatLanes(LONG_WAIT);
        lanes.turn(seat).block();
        AtomicReference<SeatLanes.Turn> second = subscribe(lanes.turn(seat));
        AtomicReference<SeatLanes.Turn> third = subscribe(lanes.turn(seat));

        lanes.answered(seat, TAKEN, false);

        assertThat(second.get()).isEqualTo(new SeatLanes.Repeat(TAKEN));
        assertThat(third.get()).isEqualTo(new SeatLanes.Repeat(TAKEN));
        assertThat(lanes.waiting(seat)).isZero();
        assertThat(lanes.turn(seat).block()).isEqualTo(SeatLanes.IN_LANE);
    }

    @Test
    void anyOtherAnswerLetsTheNextHoldGo() {
        SeatLanes lanes = new SeatLanes(LONG_WAIT);
        lanes.turn(seat).block();
        AtomicReference<SeatLanes.Turn> second = subscribe(lanes.turn(seat));
        AtomicReference<SeatLanes.Turn> third = subscribe(lanes.turn(seat));

        lanes.answered(seat, null, false);

        assertThat(second.get()).isEqualTo(SeatLanes.IN_LANE);
        assertThat(third.get()).isNull();
        lanes.answered(seat, TAKEN, false);
        assertThat(third.get()).isEqualTo(new SeatLanes.Repeat(TAKEN));
    }

    @Test
    void noAnswerSendsEveryHoldWaitingOnItsOwn() {
        SeatLanes lanes = new SeatLanes(LONG_WAIT);
        lanes.turn(seat).block();
        AtomicReference<SeatLanes.Turn> second = subscribe(lanes.turn(seat));
        AtomicReference<SeatLanes.Turn> third = subscribe(lanes.turn(seat));

        lanes.answered(seat, null, true);

        assertThat(second.get()).isEqualTo(SeatLanes.ALONE);
        assertThat(third.get()).isEqualTo(SeatLanes.ALONE);
        assertThat(lanes.turn(seat).block()).isEqualTo(SeatLanes.IN_LANE);
    }

    @Test
    void aHoldWaitsAtMostMaxWaitThenGoesOnItsOwn() {
        SeatLanes lanes = new SeatLanes(Duration.ofMillis(50));
        lanes.turn(seat).block();

        assertThat(lanes.turn(seat).block(LONG_WAIT)).isEqualTo(SeatLanes.ALONE);
        lanes.answered(seat, null, false);
        assertThat(lanes.turn(seat).block()).isEqualTo(SeatLanes.IN_LANE);
    }

    @Test
    void aHoldWhoseClientLeftIsPassedOver() {
        SeatLanes lanes = new SeatLanes(LONG_WAIT);
        lanes.turn(seat).block();
        Disposable gone = lanes.turn(seat).subscribe();
        AtomicReference<SeatLanes.Turn> third = subscribe(lanes.turn(seat));

        gone.dispose();
        lanes.answered(seat, null, false);

        assertThat(third.get()).isEqualTo(SeatLanes.IN_LANE);
    }

    @Test
    void aSeatWithTooManyHoldsWaitingSendsMoreOnAtOnce() {
        SeatLanes lanes = new SeatLanes(LONG_WAIT);
        lanes.turn(seat).block();
        for (int i = 0; i < SeatLanes.MAX_WAITING; i++) {
            lanes.turn(seat).subscribe();
        }

        assertThat(lanes.turn(seat).block()).isEqualTo(SeatLanes.ALONE);
        assertThat(lanes.waiting(seat)).isEqualTo(SeatLanes.MAX_WAITING);
    }

    private static AtomicReference<SeatLanes.Turn> subscribe(Mono<SeatLanes.Turn> turn) {
        AtomicReference<SeatLanes.Turn> decided = new AtomicReference<>();
        turn.subscribe(decided::set);
        return decided;
    }
}
