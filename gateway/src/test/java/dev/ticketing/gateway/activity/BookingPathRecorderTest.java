package dev.ticketing.gateway.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BookingPathRecorderTest {

    private final BookingPathRecorder recorder = new BookingPathRecorder();

    @Test
    void aWindowCountsRequestsAndFailuresAndReportsTheP90AsItsBucketsUpperBound() {
        IntStream.range(0, 89).forEach(i -> recorder.record(30, false));
        recorder.record(45, false);
        IntStream.range(0, 10).forEach(i -> recorder.record(620, true));

        assertThat(recorder.drain()).isEqualTo(new BookingPathRecorder.Window(100, 10, 50));
    }

    @Test
    void slowRequestsBeyondTheTenthPercentileMoveTheP90() {
        IntStream.range(0, 80).forEach(i -> recorder.record(30, false));
        IntStream.range(0, 20).forEach(i -> recorder.record(620, false));

        assertThat(recorder.drain().latencyMillis()).isEqualTo(750);
    }

    @Test
    void drainingStartsAFreshWindow() {
        recorder.record(12_000, true);
        assertThat(recorder.drain()).isEqualTo(new BookingPathRecorder.Window(1, 1, 20_000));
        assertThat(recorder.drain()).isEqualTo(new BookingPathRecorder.Window(0, 0, 0));
    }
}
