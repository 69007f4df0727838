package dev.ticketing.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from, for per-client limits. Without trusted proxies it is the connection's remote
 * address. Behind {@code n} trusted proxies it is the {@code n}-th X-Forwarded-For entry from the right: each proxy
 * appends the address it saw, so entries further left were written by the client and prove nothing.
 */
final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request, int trustedProxyHops) {
        if (trustedProxyHops > 0) {
            String forwarded = nthFromRight(request.getHeaders().get(FORWARDED_FOR), trustedProxyHops);
            if (forwarded != null) {
                return forwarded;
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /** Entries may be spread over several header lines; fewer than {@code n} entries gives the leftmost. */
    private static String nthFromRight(List<String> headerValues, int n) {
        if (headerValues == null || headerValues.isEmpty()) {
            return null;
        }
        String[] entries = String.join(",", headerValues).split(",");
        String entry = entries[Math.max(0, entries.length - n)].trim();
        return entry.isEmpty() ? null : entry;
    }
}
