package dev.ticketing.concert.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 150_000, 10_000_000})
    void pricesFromOneWonToTenMillionAreAccepted(long won) {
        assertThat(new Price(won).won()).isEqualTo(won);
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1, 0, 10_000_001, Long.MAX_VALUE})
    void freeNegativeOrAbsurdPricesAreRefused(long won) {
        assertThatThrownBy(() -> new Price(won)).isInstanceOf(CatalogRuleViolation.class);
    }
}
