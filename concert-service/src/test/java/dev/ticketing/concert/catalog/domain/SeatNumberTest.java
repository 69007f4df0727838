package dev.ticketing.concert.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SeatNumberTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 25, 50})
    void seatsOneToFiftyExist(int value) {
        assertThat(new SeatNumber(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 51, Integer.MAX_VALUE})
    void aSeatOutsideOneToFiftyCannotBeConstructed(int value) {
        assertThatThrownBy(() -> new SeatNumber(value))
                .isInstanceOf(CatalogRuleViolation.class)
                .hasMessageContaining("between 1 and 50");
    }

    @Test
    void everyDateHasTheFiftySeatsInOrder() {
        assertThat(SeatNumber.all()).hasSize(50).isSorted()
                .first().isEqualTo(new SeatNumber(1));
        assertThat(SeatNumber.all()).last().isEqualTo(new SeatNumber(50));
    }
}
