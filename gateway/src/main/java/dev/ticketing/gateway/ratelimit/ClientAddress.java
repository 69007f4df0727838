package dev.ticketing.gateway.ratelimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client a request comes from, for per-client limits. Without trusted proxies it is the connection's remote
 * address. Behind {@code n} trusted proxies it is the {@code n}-th X-Forwarded-For entry from the right: each proxy
 * appends the address it saw, so entries further left were written by the client and prove nothing.
 *
 * <p>An IPv4 client is its address. An IPv6 client is its /64 prefix: a subscriber commonly gets a whole /64 and
 * picks addresses in it freely (privacy addresses rotate on their own), so per address one client would have
 * 2^64 buckets. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is its IPv4 address.
 */
final class ClientAddress {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int PREFIX_BYTES = 8;

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request, int trustedProxyHops) {
        if (trustedProxyHops > 0) {
            String forwarded = nthFromRight(request.getHeaders().get(FORWARDED_FOR), trustedProxyHops);
            if (forwarded != null) {
                return clientOf(forwarded);
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? clientOf(remote.getAddress()) : remote.getHostString();
    }

    /** The client an address written as text belongs to; text that is no IPv6 literal stays as it is. */
    static String clientOf(String address) {
        String literal = withoutBracketsAndZone(address);
        if (!isIpv6Literal(literal)) {
            return address;
        }
        try {
            // Only ever an IPv6 literal here (checked above), which InetAddress parses without any name lookup.
            return clientOf(InetAddress.getByName(literal));
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }

    static String clientOf(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        StringBuilder prefix = new StringBuilder(24);
        for (int i = 0; i < PREFIX_BYTES; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    private static String withoutBracketsAndZone(String address) {
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        return zone < 0 ? literal : literal.substring(0, zone);
    }

    /**
     * Hex digits, colons and dots (an embedded IPv4 tail), with a colon, starting with a hex digit or a colon: what
     * InetAddress treats as a literal, never as a host name to resolve.
     */
    private static boolean isIpv6Literal(String text) {
        if (text.indexOf(':') < 0 || (text.charAt(0) != ':' && Character.digit(text.charAt(0), 16) < 0)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ':' && c != '.' && Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
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
