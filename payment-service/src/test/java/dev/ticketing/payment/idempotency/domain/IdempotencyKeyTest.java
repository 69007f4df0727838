package dev.ticketing.payment.idempotency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void aUuidIsAKey() {
        String uuid = UUID.randomUUID().toString();

        assertThat(new IdempotencyKey(uuid).value()).isEqualTo(uuid);
    }

    @Test
    void aKeyMayBe255CharactersLongButNoLonger() {
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(256))).isInstanceOf(InvalidIdempotencyKey.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "tab\there", "schlüssel", "line\nbreak"})
    void aKeyIsVisibleAsciiOnly(String key) {
        assertThatThrownBy(() -> new IdempotencyKey(key)).isInstanceOf(InvalidIdempotencyKey.class);
    }

    @Test
    void keysDifferingOnlyInCaseAreDifferentKeys() {
        assertThat(new IdempotencyKey("abc")).isNotEqualTo(new IdempotencyKey("ABC"));
    }
}
