package dev.ticketing.payment.idempotency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    @Test
    void theSameContentHasTheSameFingerprintAndOtherContentAnother() {
        assertThat(RequestFingerprint.of("amount=5000")).isEqualTo(RequestFingerprint.of("amount=5000"));
        assertThat(RequestFingerprint.of("amount=5000")).isNotEqualTo(RequestFingerprint.of("amount=5001"));
    }

    @Test
    void aFingerprintIsTheSha256OfTheContentInHex() {
        assertThat(RequestFingerprint.of("abc").sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyA64DigitLowercaseHexIsAFingerprint() {
        assertThatThrownBy(() -> new RequestFingerprint("ABC")).isInstanceOf(IllegalArgumentException.class);
    }
}
