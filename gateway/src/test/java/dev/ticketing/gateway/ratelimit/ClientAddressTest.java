package dev.ticketing.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8:1:2::7", "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:0db8:0001:0002:0:0:0:1",
            "[2001:db8:1:2::9]", "2001:DB8:1:2::A", "fe80::1%eth0"})
    void anIpv6ClientIsItsSlash64(String address) {
        String expected = address.startsWith("fe80") ? "fe80:0:0:0::/64" : "2001:db8:1:2::/64";
        assertThat(ClientAddress.of(request.header("X-Forwarded-For", address).build(), 1)).isEqualTo(expected);
    }

    @Test
    void ipv6AddressesInDifferentSlash64sAreDifferentClients() {
        assertThat(ClientAddress.clientOf("2001:db8:1:2::7")).isNotEqualTo(ClientAddress.clientOf("2001:db8:1:3::7"));
    }

    @Test
    void anIpv6RemoteAddressIsItsSlash64() {
        MockServerHttpRequest fromIpv6 = MockServerHttpRequest.post("/api/v1/queue/tokens")
                .remoteAddress(new InetSocketAddress("2001:db8:aa:bb:1:2:3:4", 40000)).build();

        assertThat(ClientAddress.of(fromIpv6, 0)).isEqualTo("2001:db8:aa:bb::/64");
    }

    @ParameterizedTest
    @CsvSource({"::ffff:198.51.100.7, 198.51.100.7", "::ffff:c633:6407, 198.51.100.7",
            "[::ffff:198.51.100.7], 198.51.100.7", "198.51.100.7, 198.51.100.7"})
    void anIpv4MappedAddressIsItsIpv4AddressAndIpv4StaysPerAddress(String address, String client) {
        assertThat(ClientAddress.of(request.header("X-Forwarded-For", address).build(), 1)).isEqualTo(client);
    }

    @Test
    void aBucketNameIsItsOwnClient() {
        assertThat(ClientAddress.clientOf(ClientAddress.clientOf("2001:db8:1:2::7"))).isEqualTo("2001:db8:1:2::/64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "not:an:address", "1:2:3:4:5:6:7:8:9", "example.com", ".:"})
    void textThatIsNoIpv6AddressStaysAsItIsAndIsNeverResolved(String text) {
        assertThat(ClientAddress.clientOf(text)).isEqualTo(text);
    }
}
