package dev.ticketing.payment.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A request's connection wait ends at its deadline, never later than the pool's own timeout. */
class ConnectionDeadlineTest {

    private static final long MS = 1_000_000L;
    private static final long NOW = 7_000 * MS;

    @Test
    void theWaitIsWhatIsLeftUntilTheDeadline() {
        assertThat(ConnectionDeadline.waitMillis(NOW + 1_250 * MS, NOW, 3_000)).isEqualTo(1_250);
    }

    @Test
    void neverMoreThanThePoolWouldWait() {
        assertThat(ConnectionDeadline.waitMillis(NOW + 60_000 * MS, NOW, 3_000)).isEqualTo(3_000);
    }

    @Test
    void aDeadlinePassedLeavesNoWaitAtAll() {
        assertThat(ConnectionDeadline.waitMillis(NOW - 5 * MS, NOW, 3_000)).isZero();
        assertThat(ConnectionDeadline.waitMillis(NOW + MS / 2, NOW, 3_000)).as("under a millisecond").isZero();
    }

    @Test
    void theDeadlineHoldsForTheWorkOnlyAndTheEarlierOfTwoNestedOnesCounts() {
        assertThat(ConnectionDeadline.current()).isEmpty();

        ConnectionDeadline.within(NOW, () -> {
            assertThat(ConnectionDeadline.current()).hasValue(NOW);
            ConnectionDeadline.within(NOW + 1_000 * MS, () -> {
                assertThat(ConnectionDeadline.current()).hasValue(NOW);
                return null;
            });
            ConnectionDeadline.within(NOW - 1_000 * MS, () -> {
                assertThat(ConnectionDeadline.current()).hasValue(NOW - 1_000 * MS);
                return null;
            });
            assertThat(ConnectionDeadline.current()).hasValue(NOW);
            return null;
        });

        assertThat(ConnectionDeadline.current()).isEmpty();
    }
}
