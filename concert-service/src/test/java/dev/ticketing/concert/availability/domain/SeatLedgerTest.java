package dev.ticketing.concert.availability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeatLedgerTest {

    private static final ReservationId A = reservation();
    private static final ReservationId B = reservation();
    private static final ReservationId C = reservation();

    private static final Instant T1 = Instant.parse("2030-03-10T12:00:00Z");
    private static final Instant T2 = T1.plusSeconds(300);
    private static final Instant T3 = T2.plusSeconds(300);

    /** Histories of one seat as reservation-service produces them, and the state each must end in. */
    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("hold then expiry", List.of(held(A, T1), expired(A)), SeatState.AVAILABLE),
                Arguments.of("hold then sale", List.of(held(A, T1), confirmed(A)), SeatState.soldTo(A)),
                Arguments.of("expired hold, then a new hold", List.of(held(A, T1), expired(A), held(B, T2)),
                        SeatState.heldBy(B)),
                Arguments.of("expired hold, then a new hold that is bought",
                        List.of(held(A, T1), expired(A), held(B, T2), confirmed(B)), SeatState.soldTo(B)),
                Arguments.of("two expired holds, then a third",
                        List.of(held(A, T1), expired(A), held(B, T2), expired(B), held(C, T3)), SeatState.heldBy(C)),
                Arguments.of("three expired holds",
                        List.of(held(A, T1), expired(A), held(B, T2), expired(B), held(C, T3), expired(C)),
                        SeatState.AVAILABLE),
                // Producer clocks are not comparable: B's hold came after A's expiry but carries an earlier time.
                Arguments.of("a later hold stamped earlier by a skewed clock",
                        List.of(held(A, T2), expired(A), held(B, T1)), SeatState.heldBy(B)),
                Arguments.of("a sale whose hold was stamped earlier than an expired one",
                        List.of(held(A, T2), expired(A), held(B, T1), confirmed(B)), SeatState.soldTo(B)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void everyDeliveryOrderOfASeatsEventsEndsInTheSameState(String history, List<SeatFact> facts, SeatState expected) {
        List<List<SeatFact>> orders = permutations(facts);

        assertThat(orders).hasSize(factorial(facts.size()));
        for (List<SeatFact> order : orders) {
            assertThat(replay(order)).as("delivered as %s", order).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void redeliveringAnyEventAnywhereChangesNothing(String history, List<SeatFact> facts, SeatState expected) {
        for (List<SeatFact> order : permutations(facts)) {
            for (int duplicate = 0; duplicate < facts.size(); duplicate++) {
                for (int at = 0; at <= order.size(); at++) {
                    List<SeatFact> withDuplicate = new ArrayList<>(order);
                    withDuplicate.add(at, facts.get(duplicate));
                    assertThat(replay(withDuplicate)).as("delivered as %s", withDuplicate).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void anExpiryThatArrivesBeforeItsHoldKeepsTheLateHoldFromTakingTheSeat() {
        SeatLedger ledger = SeatLedger.empty().record(expired(A));
        assertThat(ledger.state()).isEqualTo(SeatState.AVAILABLE);

        assertThat(ledger.record(held(A, T1)).state()).isEqualTo(SeatState.AVAILABLE);
    }

    @Test
    void theExpiryOfAnotherReservationLeavesTheSeatHeld() {
        SeatLedger ledger = SeatLedger.empty().record(held(A, T1)).record(held(B, T2));

        assertThat(ledger.record(expired(A)).state()).isEqualTo(SeatState.heldBy(B));
    }

    @Test
    void whileTwoHoldsSeemOpenTheLaterOneShows() {
        SeatLedger ledger = SeatLedger.empty().record(held(B, T2)).record(held(A, T1));

        assertThat(ledger.state()).isEqualTo(SeatState.heldBy(B));
    }

    @Test
    void aSaleIsFinalEvenAgainstAnExpiryOfTheSameReservation() {
        SeatLedger ledger = SeatLedger.empty().record(held(A, T1)).record(confirmed(A)).record(expired(A));

        assertThat(ledger.state()).isEqualTo(SeatState.soldTo(A));
        assertThat(ledger.reservation(A).outcome()).isEqualTo(SeatReservation.Outcome.CONFIRMED);
    }

    @Test
    void recordingLeavesTheOriginalLedgerUnchanged() {
        SeatLedger before = SeatLedger.empty().record(held(A, T1));

        before.record(expired(A));

        assertThat(before.state()).isEqualTo(SeatState.heldBy(A));
    }

    @Test
    void aLedgerRebuiltFromItsStoredReservationsShowsTheSameState() {
        SeatLedger ledger = SeatLedger.empty().record(held(A, T1)).record(expired(A)).record(held(B, T2));

        assertThat(SeatLedger.of(ledger.reservations()).state()).isEqualTo(SeatState.heldBy(B));
    }

    private static SeatState replay(List<SeatFact> order) {
        SeatLedger ledger = SeatLedger.empty();
        for (SeatFact fact : order) {
            // Stored and read back after every event, as the database adapter does.
            ledger = SeatLedger.of(ledger.record(fact).reservations());
        }
        return ledger.state();
    }

    private static List<List<SeatFact>> permutations(List<SeatFact> facts) {
        if (facts.isEmpty()) {
            return List.of(List.of());
        }
        List<List<SeatFact>> all = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            List<SeatFact> rest = new ArrayList<>(facts);
            SeatFact first = rest.remove(i);
            for (List<SeatFact> tail : permutations(rest)) {
                List<SeatFact> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private static int factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    private static SeatFact held(ReservationId reservation, Instant at) {
        return new SeatFact.Held(reservation, at);
    }

    private static SeatFact expired(ReservationId reservation) {
        return new SeatFact.Expired(reservation);
    }

    private static SeatFact confirmed(ReservationId reservation) {
        return new SeatFact.Confirmed(reservation);
    }

    private static ReservationId reservation() {
        return new ReservationId(UUID.randomUUID());
    }
}
