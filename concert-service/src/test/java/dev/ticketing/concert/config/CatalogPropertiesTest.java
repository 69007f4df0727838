package dev.ticketing.concert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.1S", "PT0.5S"})
    void listingsMayBeCachedForUpToHalfASecond(String ttl) {
        assertThat(new CatalogProperties(Duration.parse(ttl)).listingCacheTtl()).isEqualTo(Duration.parse(ttl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0.501S", "PT5S", "PT-0.1S"})
    void longerOrNegativeListingCacheTimesAreRefused(String ttl) {
        assertThatThrownBy(() -> new CatalogProperties(Duration.parse(ttl)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listing-cache-ttl");
    }
}
