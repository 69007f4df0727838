package dev.ticketing.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    private final MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/v1/queue/tokens")
            .remoteAddress(new InetSocketAddress("192.0.2.10", 40000));

    @Test
    void withoutTrustedProxiesForwardedForIsIgnoredSinceAnyClientCanSendIt() {
        assertThat(ClientAddress.of(request.header("X-Forwarded-For", "198.51.100.7").build(), 0))
                .isEqualTo("192.0.2.10");
    }

    @Test
    void behindOneProxyTheClientIsTheEntryThatProxyAppended() {
        assertThat(ClientAddress.of(request.header("X-Forwarded-For", "203.0.113.99, 198.51.100.7").build(), 1))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void behindTwoProxiesTheClientIsTheSecondEntryFromTheRightAcrossHeaderLines() {
        assertThat(ClientAddress.of(request.header("X-Forwarded-For", "203.0.113.99, 198.51.100.7")
                .header("X-Forwarded-For", "192.0.2.1").build(), 2)).isEqualTo("198.51.100.7");
    }

    @Test
    void trustedProxyButNoForwardedForFallsBackToTheRemoteAddress() {
        assertThat(ClientAddress.of(request.build(), 1)).isEqualTo("192.0.2.10");
    }
}
