package dev.ticketing.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ticketing.web.admin.AdminKeyVerifier.Verdict;

class AdminKeyVerifierTest {

    private final AdminKeyVerifier verifier = new AdminKeyVerifier("s3cret-key");

    @Test
    void theConfiguredKeyIsAccepted() {
        assertThat(verifier.verify("s3cret-key")).isEqualTo(Verdict.ACCEPTED);
        assertThatNoException().isThrownBy(() -> verifier.requireAdmin("s3cret-key"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anAbsentKeyIsMissingAndAnswered401(String presented) {
        assertThat(verifier.verify(presented)).isEqualTo(Verdict.MISSING);
        assertRefusedWith(presented, 401, "ADMIN_KEY_MISSING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cret-kez", "s3cret-key-longer", "s3cret", "S3CRET-KEY", " "})
    void anyOtherKeyIsWrongAndAnswered403(String presented) {
        assertThat(verifier.verify(presented)).isEqualTo(Verdict.WRONG);
        assertRefusedWith(presented, 403, "ADMIN_KEY_INVALID");
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
        AdminAccessDenied refusal = catchThrowableOfType(AdminAccessDenied.class, () -> disabled.requireAdmin("anything"));
        assertThat(refusal.problem().getStatus()).isEqualTo(403);
        assertThat(refusal.problem().getProperties()).containsEntry("code", "ADMIN_API_DISABLED");
    }

    @Test
    void theSettingsNeverPrintTheKey() {
        assertThat(new AdminApiProperties(" s3cret-key ").toString()).doesNotContain("s3cret");
        assertThat(new AdminApiProperties(null).adminApiEnabled()).isFalse();
    }

    private void assertRefusedWith(String presented, int status, String code) {
        AdminAccessDenied refusal = catchThrowableOfType(AdminAccessDenied.class, () -> verifier.requireAdmin(presented));
        assertThat(refusal.problem().getStatus()).isEqualTo(status);
        assertThat(refusal.problem().getProperties()).containsEntry("code", code);
    }
}
