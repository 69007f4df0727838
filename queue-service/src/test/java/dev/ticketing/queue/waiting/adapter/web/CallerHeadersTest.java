package dev.ticketing.queue.waiting.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.queue.waiting.application.CallerToken;
import dev.ticketing.queue.waiting.application.TokenRejected;
import dev.ticketing.queue.web.InvalidRequest;

class CallerHeadersTest {

    private final String token = UUID.randomUUID().toString();
    private final String user = UUID.randomUUID().toString();
    private final String concert = UUID.randomUUID().toString();

    @Test
    void theGatewaysHeadersNameTheCallersToken() {
        CallerToken caller = CallerHeaders.caller(token, user, concert);

        assertThat(caller).isEqualTo(new CallerToken(UUID.fromString(token), UUID.fromString(user),
                UUID.fromString(concert)));
    }

    @Test
    void aMissingHeaderMeansNoVerifiedToken() {
        assertThatThrownBy(() -> CallerHeaders.caller(token, null, concert))
                .isInstanceOfSatisfying(TokenRejected.class,
                        e -> assertThat(e.kind()).isEqualTo(TokenRejected.Kind.INVALID));
        assertThatThrownBy(() -> CallerHeaders.caller(" ", user, concert)).isInstanceOf(TokenRejected.class);
    }

    @Test
    void aMalformedHeaderIsAnInvalidRequest() {
        assertThatThrownBy(() -> CallerHeaders.caller(token, user, "concert-7"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("X-Concert-Id");
    }
}
