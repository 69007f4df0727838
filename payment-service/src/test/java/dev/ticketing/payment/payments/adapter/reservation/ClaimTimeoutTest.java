package dev.ticketing.payment.payments.adapter.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/** A claim's request waits for a connection and for the answer no longer than the claim may take. */
class ClaimTimeoutTest {

    private static final Timeout BACKSTOP = Timeout.ofSeconds(4);

    @Test
    void aClaimsRequestHasTheClaimsTimeForTheConnectionAndForTheAnswer() throws Exception {
        RequestConfig config = ClaimTimeout.within(Duration.ofMillis(2_350), () -> configOf(ClaimTimeout.context(BACKSTOP)));

        assertThat(config.getConnectionRequestTimeout()).isEqualTo(Timeout.ofMilliseconds(2_350));
        assertThat(config.getResponseTimeout()).isEqualTo(Timeout.ofMilliseconds(2_350));
    }

    @Test
    void neverMoreThanTheBackstopAndTheBackstopOutsideAClaim() throws Exception {
        RequestConfig longer = ClaimTimeout.within(Duration.ofSeconds(30), () -> configOf(ClaimTimeout.context(BACKSTOP)));
        RequestConfig outside = configOf(ClaimTimeout.context(BACKSTOP));

        assertThat(longer.getResponseTimeout()).isEqualTo(BACKSTOP);
        assertThat(outside.getResponseTimeout()).isEqualTo(BACKSTOP);
        assertThat(outside.getConnectionRequestTimeout()).isEqualTo(BACKSTOP);
    }

    @Test
    void aClaimWithNoTimeLeftWaitsAMillisecondNotForever() throws Exception {
        // To the client a timeout of zero means none.
        RequestConfig config = ClaimTimeout.within(Duration.ofMillis(-5), () -> configOf(ClaimTimeout.context(BACKSTOP)));

        assertThat(config.getResponseTimeout()).isEqualTo(Timeout.ofMilliseconds(1));
        assertThat(config.getConnectionRequestTimeout()).isEqualTo(Timeout.ofMilliseconds(1));
    }

    @Test
    void theClaimsTimeEndsWithTheClaimEvenWhenItFails() {
        assertThatThrownBy(() -> ClaimTimeout.within(Duration.ofMillis(100), () -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(configOf(ClaimTimeout.context(BACKSTOP)).getResponseTimeout()).isEqualTo(BACKSTOP);
    }

    private static RequestConfig configOf(org.apache.hc.core5.http.protocol.HttpContext context) {
        return ((HttpClientContext) context).getRequestConfig();
    }
}
