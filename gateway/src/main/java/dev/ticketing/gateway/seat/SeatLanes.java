package dev.ticketing.gateway.seat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One hold per seat at a time goes from this gateway to reservation-service; holds for the same seat that arrive
 * meanwhile wait for its answer, without a thread (request collapsing, as caches do for one URL):
 * <ul>
 *   <li>the seat was taken (409 SEAT_UNAVAILABLE): every waiting hold gets that answer;</li>
 *   <li>any other answer the service gave (the winner's 201, a fan's own refusal such as HOLD_LIMIT): the next
 *       waiting hold goes;</li>
 *   <li>no answer, or a 5xx: every waiting hold goes on its own, and the service judges them as before.</li>
 * </ul>
 * A hold waits at most {@code maxWait}, then goes on its own; a seat with {@link #MAX_WAITING} holds waiting sends
 * more on at once. The service's unique key stays the only arbiter of who holds a seat: a hold is never answered
 * here except with the service's own "seat taken".
 */
final class SeatLanes {

    /** What a hold does next. */
    sealed interface Turn {
    }

    /** Send the hold to the service; {@code inLane}: it is the seat's hold in flight, so {@link #answered} follows. */
    record Go(boolean inLane) implements Turn {
    }

    /** Answer the hold with the service's refusal of the same seat. */
    record Repeat(Refusal refusal) implements Turn {
    }

    static final Go IN_LANE = new Go(true);
    static final Go ALONE = new Go(false);
    /** Far more holds than one gateway sees for one seat in a second; beyond it, holds go on without waiting. */
    static final int MAX_WAITING = 10_000;
    /** A lane is dropped this long after it began whatever happened: its holds, if any, have gone on by then. */
    private static final Duration LANE_LIFETIME = Duration.ofMinutes(1);

    private final Duration maxWait;
    private final Cache<HoldTarget, Lane> lanes = Caffeine.newBuilder()
            .expireAfter(Expiry.creating((HoldTarget seat, Lane lane) -> LANE_LIFETIME))
            .build();

    SeatLanes(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** The turn of a hold on {@code seat}: at once when no other is in flight, else when that one is answered. */
    Mono<Turn> turn(HoldTarget seat) {
        Waiter waiter = new Waiter();
        Turn[] now = new Turn[1];
        lanes.asMap().compute(seat, (key, lane) -> {
            if (lane == null) {
                now[0] = IN_LANE;
                return new Lane();
            }
            if (lane.waiting.size() < MAX_WAITING) {
                lane.waiting.add(waiter);
            } else {
                now[0] = ALONE;
            }
            return lane;
        });
        if (now[0] != null) {
            return Mono.just(now[0]);
        }
        return waiter.sink.asMono()
                .timeout(maxWait, Mono.defer(() -> Mono.just(waiter.claim(ALONE) ? ALONE : waiter.decided.get())))
                .doOnCancel(() -> {
                    if (!waiter.claim(ALONE) && waiter.decided.get() == IN_LANE) {
                        // Chosen to go, but its client left before it went: the next one goes instead.
                        answered(seat, null, false);
                    }
                });
    }

    /**
     * The seat's hold in flight got its answer: {@code refusal} when the service said the seat was taken;
     * {@code failed} when there was no answer or a 5xx.
     */
    void answered(HoldTarget seat, Refusal refusal, boolean failed) {
        List<Waiter> released = new ArrayList<>();
        Waiter[] next = new Waiter[1];
        lanes.asMap().computeIfPresent(seat, (key, lane) -> {
            if (refusal != null || failed) {
                Turn turn = refusal != null ? new Repeat(refusal) : ALONE;
                for (Waiter waiter : lane.waiting) {
                    if (waiter.claim(turn)) {
                        released.add(waiter);
                    }
                }
                return null;
            }
            for (Waiter waiter = lane.waiting.poll(); waiter != null; waiter = lane.waiting.poll()) {
                if (waiter.claim(IN_LANE)) {
                    next[0] = waiter;
                    return lane;
                }
            }
            return null;
        });
        released.forEach(Waiter::deliver);
        if (next[0] != null) {
            next[0].deliver();
        }
    }

    /** Holds waiting for {@code seat} now. */
    int waiting(HoldTarget seat) {
        Lane lane = lanes.getIfPresent(seat);
        return lane == null ? 0 : lane.waiting.size();
    }

    /** The holds waiting behind the seat's hold in flight; guarded by the map's compute. */
    private static final class Lane {
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    }

    /** A waiting hold; its turn is decided once, by the answer, its timeout or its client leaving. */
    private static final class Waiter {

        final AtomicReference<Turn> decided = new AtomicReference<>();
        final Sinks.One<Turn> sink = Sinks.one();

        boolean claim(Turn turn) {
            return decided.compareAndSet(null, turn);
        }

        void deliver() {
            sink.tryEmitValue(decided.get());
        }
    }
}
