package dev.ticketing.gateway.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivityLogTest {

    private final ActivityLog log = new ActivityLog();

    @Test
    void aTokenIsNotedOnceWithItsLatestRequestWhateverTheOrder() {
        assertThat(log.note("t1", 200)).isEqualTo(1);
        assertThat(log.note("t1", 100)).isEqualTo(1);
        assertThat(log.note("t2", 50)).isEqualTo(2);

        assertThat(log.drain()).containsExactlyInAnyOrder(new ActivityLog.Noted("t1", 200),
                new ActivityLog.Noted("t2", 50));
        assertThat(log.drain()).isEmpty();
    }
}
