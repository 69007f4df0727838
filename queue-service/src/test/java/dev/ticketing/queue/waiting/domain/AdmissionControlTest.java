package dev.ticketing.queue.waiting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.ticketing.queue.waiting.domain.AdmissionControl.Adjustment;
import dev.ticketing.queue.waiting.domain.AdmissionControl.Direction;

class AdmissionControlTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Optional<Instant> JUST_REPORTED = Optional.of(NOW.minusSeconds(2));

    /** Ceiling 100, floor 10, restart 30, +10 per healthy step, halved on trouble, p90 target 500 ms, 1 % shed. */
    private final AdmissionControl control = new AdmissionControl(100, 10, 30, 10, 0.5, Duration.ofMillis(500), 0.01,
            Duration.ofSeconds(5), Duration.ofSeconds(30));

    private static final BookingPathWindow HEALTHY = BookingPathWindow.reported(200, 1, 120);
    private static final BookingPathWindow SHEDDING = BookingPathWindow.reported(200, 40, 120);
    private static final BookingPathWindow SLOW = BookingPathWindow.reported(200, 0, 900);

    @Test
    void withoutAnyReportTheLimitIsTheCeilingAsWithoutAController() {
        assertThat(control.initial()).isEqualTo(new AdmissionLimit(100, AdmissionReason.NO_SIGNAL));
        Adjustment adjustment = control.next(limit(30, AdmissionReason.SHED), BookingPathWindow.NONE,
                Optional.empty(), NOW);
        assertThat(adjustment).isEqualTo(new Adjustment(limit(100, AdmissionReason.NO_SIGNAL), Direction.UP));
    }

    @Test
    void aSignalOlderThanTheTimeoutCountsAsNone() {
        Adjustment adjustment = control.next(limit(30, AdmissionReason.SHED), BookingPathWindow.NONE,
                Optional.of(NOW.minusSeconds(31)), NOW);
        assertThat(adjustment.limit()).isEqualTo(limit(100, AdmissionReason.NO_SIGNAL));
    }

    @Test
    void sheddingAboveTheThresholdHalvesTheLimit() {
        Adjustment adjustment = control.next(limit(100, AdmissionReason.CEILING), SHEDDING, JUST_REPORTED, NOW);
        assertThat(adjustment).isEqualTo(new Adjustment(limit(50, AdmissionReason.SHED), Direction.DOWN));
    }

    @Test
    void latencyAboveTheTargetHalvesTheLimit() {
        Adjustment adjustment = control.next(limit(60, AdmissionReason.HEALTHY), SLOW, JUST_REPORTED, NOW);
        assertThat(adjustment).isEqualTo(new Adjustment(limit(30, AdmissionReason.LATENCY), Direction.DOWN));
    }

    @Test
    void sheddingIsNamedBeforeLatencyWhenBothAreHigh() {
        BookingPathWindow both = BookingPathWindow.reported(100, 50, 2_000);
        assertThat(control.next(limit(40, AdmissionReason.HEALTHY), both, JUST_REPORTED, NOW).limit().reason())
                .isEqualTo(AdmissionReason.SHED);
    }

    @Test
    void cutsStopAtTheFloorSoTheLineNeverStops() {
        AdmissionLimit limit = limit(100, AdmissionReason.CEILING);
        for (int step = 0; step < 20; step++) {
            limit = control.next(limit, SHEDDING, JUST_REPORTED, NOW).limit();
            assertThat(limit.limit()).isBetween(10, 100);
        }
        assertThat(limit).isEqualTo(limit(10, AdmissionReason.SHED));
        assertThat(control.next(limit, SHEDDING, JUST_REPORTED, NOW).direction()).isEqualTo(Direction.HOLD);
    }

    @Test
    void aHealthyPathRaisesTheLimitStepByStepUpToTheCeilingAndNoFurther() {
        AdmissionLimit limit = limit(10, AdmissionReason.SHED);
        Adjustment first = control.next(limit, HEALTHY, JUST_REPORTED, NOW);
        assertThat(first).isEqualTo(new Adjustment(limit(20, AdmissionReason.HEALTHY), Direction.UP));
        limit = first.limit();
        int steps = 1;
        while (limit.limit() < 100) {
            limit = control.next(limit, HEALTHY, JUST_REPORTED, NOW).limit();
            steps++;
        }
        assertThat(steps).isEqualTo(9);
        assertThat(limit).isEqualTo(limit(100, AdmissionReason.CEILING));
        assertThat(control.next(limit, HEALTHY, JUST_REPORTED, NOW))
                .isEqualTo(new Adjustment(limit(100, AdmissionReason.CEILING), Direction.HOLD));
    }

    @Test
    void shedAtTheThresholdAndLatencyAtTheTargetAreStillHealthy() {
        BookingPathWindow atTheEdge = BookingPathWindow.reported(100, 1, 500);
        assertThat(control.next(limit(50, AdmissionReason.SHED), atTheEdge, JUST_REPORTED, NOW))
                .isEqualTo(new Adjustment(limit(60, AdmissionReason.HEALTHY), Direction.UP));
    }

    @Test
    void anIdleBookingPathTakesTheLimitDownToTheRestartLimitAtOnce() {
        BookingPathWindow idle = BookingPathWindow.reported(0, 0, 0).combine(BookingPathWindow.reported(0, 0, 0));
        assertThat(control.next(limit(100, AdmissionReason.CEILING), idle, JUST_REPORTED, NOW))
                .isEqualTo(new Adjustment(limit(30, AdmissionReason.IDLE), Direction.DOWN));
        assertThat(control.next(limit(30, AdmissionReason.IDLE), idle, JUST_REPORTED, NOW))
                .isEqualTo(new Adjustment(limit(30, AdmissionReason.IDLE), Direction.HOLD));
    }

    @Test
    void anIdleBookingPathBelowTheRestartLimitGrowsTowardsItStepByStep() {
        BookingPathWindow idle = BookingPathWindow.reported(0, 0, 0);
        assertThat(control.next(limit(10, AdmissionReason.SHED), idle, JUST_REPORTED, NOW))
                .isEqualTo(new Adjustment(limit(20, AdmissionReason.IDLE), Direction.UP));
        assertThat(control.next(limit(25, AdmissionReason.SHED), idle, JUST_REPORTED, NOW))
                .isEqualTo(new Adjustment(limit(30, AdmissionReason.IDLE), Direction.UP));
    }

    @Test
    void anOnSaleOpensAtTheRestartLimitAndGrowsWhileThePathIsHealthy() {
        AdmissionLimit now = control.next(limit(100, AdmissionReason.CEILING), BookingPathWindow.reported(0, 0, 0),
                JUST_REPORTED, NOW).limit();
        for (int expected : new int[] {40, 50, 60}) {
            now = control.next(now, HEALTHY, JUST_REPORTED, NOW).limit();
            assertThat(now).isEqualTo(limit(expected, AdmissionReason.HEALTHY));
        }
    }

    @Test
    void oneGatewayWithBookingRequestsIsNotIdleWhateverTheOthersSaw() {
        BookingPathWindow window = BookingPathWindow.reported(0, 0, 0).combine(BookingPathWindow.reported(3, 0, 40));
        assertThat(control.next(limit(100, AdmissionReason.CEILING), window, JUST_REPORTED, NOW))
                .isEqualTo(new Adjustment(limit(100, AdmissionReason.CEILING), Direction.HOLD));
    }

    @Test
    void withTheRestartAtTheCeilingAnIdlePathGrowsToTheCeilingAsAHealthyOneDoes() {
        AdmissionControl noRestart = new AdmissionControl(100, 10, 100, 10, 0.5, Duration.ofMillis(500), 0.01,
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(noRestart.next(limit(50, AdmissionReason.LATENCY), BookingPathWindow.reported(0, 0, 0),
                JUST_REPORTED, NOW)).isEqualTo(new Adjustment(limit(60, AdmissionReason.IDLE), Direction.UP));
    }

    @Test
    void aStepWithoutANewReportKeepsTheLimitWhileTheSignalIsFresh() {
        AdmissionLimit cut = limit(25, AdmissionReason.LATENCY);
        assertThat(control.next(cut, BookingPathWindow.NONE, JUST_REPORTED, NOW))
                .isEqualTo(new Adjustment(cut, Direction.HOLD));
    }

    @Test
    void gatewaysCombineAsSumsAndTheWorstLatency() {
        BookingPathWindow combined = BookingPathWindow.reported(100, 0, 80)
                .combine(BookingPathWindow.reported(100, 10, 40))
                .combine(BookingPathWindow.reported(0, 0, 0));
        assertThat(combined).isEqualTo(new BookingPathWindow(3, 200, 10, 80));
        assertThat(combined.shedRate()).isEqualTo(0.05);
    }

    @Test
    void aStoredLimitOutsideChangedBoundsIsBroughtWithinThem() {
        assertThat(control.bounded(limit(300, AdmissionReason.CEILING))).isEqualTo(limit(100, AdmissionReason.CEILING));
        assertThat(control.bounded(limit(2, AdmissionReason.SHED))).isEqualTo(limit(10, AdmissionReason.SHED));
        assertThat(control.next(limit(300, AdmissionReason.CEILING), SHEDDING, JUST_REPORTED, NOW).limit())
                .isEqualTo(limit(50, AdmissionReason.SHED));
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThatThrownBy(() -> new AdmissionControl(10, 11, 11, 1, 0.5, Duration.ofMillis(500), 0.01,
                Duration.ofSeconds(5), Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionControl(10, 1, 1, 1, 1.0, Duration.ofMillis(500), 0.01,
                Duration.ofSeconds(5), Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdmissionControl(10, 1, 1, 1, 0.5, Duration.ofMillis(500), 0.01,
                Duration.ofSeconds(5), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookingPathWindow(1, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AdmissionLimit limit(int limit, AdmissionReason reason) {
        return new AdmissionLimit(limit, reason);
    }
}
