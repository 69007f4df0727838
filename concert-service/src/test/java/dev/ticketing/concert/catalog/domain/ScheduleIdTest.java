package dev.ticketing.concert.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleIdTest {

    @Test
    void aScheduleIdIsThePositiveIntegerReservationEventsCarry() {
        assertThat(new ScheduleId(42)).hasToString("42");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1, 0})
    void zeroOrNegativeScheduleIdsCannotExist(long value) {
        assertThatThrownBy(() -> new ScheduleId(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
