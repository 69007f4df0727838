package dev.ticketing.queue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.ticketing.queue.config.AdminApiProperties;

class AdminKeyVerifierTest {

    private final AdminKeyVerifier verifier = new AdminKeyVerifier(new AdminApiProperties("s3cret"));

    @Test
    void theConfiguredKeyOpensTheAdminApi() {
        assertThat(verifier.verify("s3cret")).isEqualTo(AdminKeyVerifier.Verdict.ACCEPTED);
        assertThatNoException().isThrownBy(() -> verifier.requireAdmin("s3cret"));
    }

    @Test
    void aMissingOrWrongKeyIsRefused() {
        assertThat(verifier.verify(null)).isEqualTo(AdminKeyVerifier.Verdict.MISSING);
        assertThat(verifier.verify("guess")).isEqualTo(AdminKeyVerifier.Verdict.WRONG);
        assertThatThrownBy(() -> verifier.requireAdmin("guess")).isInstanceOf(AdminAccessDenied.class);
    }

    @Test
    void withoutAConfiguredKeyTheAdminApiIsClosedToEveryone() {
        AdminKeyVerifier closed = new AdminKeyVerifier(new AdminApiProperties(""));

        assertThat(closed.verify("")).isEqualTo(AdminKeyVerifier.Verdict.API_DISABLED);
        assertThat(closed.verify("anything")).isEqualTo(AdminKeyVerifier.Verdict.API_DISABLED);
    }
}
