package dev.ticketing.concert.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ticketing.concert.web.AdminKeyVerifier.Verdict;

class AdminKeyVerifierTest {

    private final AdminKeyVerifier verifier = new AdminKeyVerifier("s3cret-key");

    @Test
    void theConfiguredKeyIsAccepted() {
        assertThat(verifier.verify("s3cret-key")).isEqualTo(Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anAbsentKeyIsMissing(String presented) {
        assertThat(verifier.verify(presented)).isEqualTo(Verdict.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cret-kez", "s3cret-key-longer", "s3cret", "S3CRET-KEY", " "})
    void anyOtherKeyIsWrong(String presented) {
        assertThat(verifier.verify(presented)).isEqualTo(Verdict.WRONG);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void withoutAConfiguredKeyTheAdminApiRefusesEveryone(String configured) {
        AdminKeyVerifier disabled = new AdminKeyVerifier(configured);

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.verify("anything")).isEqualTo(Verdict.API_DISABLED);
        assertThat(disabled.verify(null)).isEqualTo(Verdict.API_DISABLED);
        assertThat(disabled.verify("")).isEqualTo(Verdict.API_DISABLED);
    }
}
