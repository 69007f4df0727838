package dev.ticketing.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection. The bad-input corpus needs to send what
 * {@link java.net.http.HttpClient} refuses to: raw bytes in the request target and headers, encoded dot segments,
 * repeated headers, bodies on any method, any {@code Content-Type} or none at all.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final String host;
    private final int port;

    RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    record Header(String name, String value) {
    }

    /** @param headers lower-case names; a repeated header keeps its first value */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends the request as given: the target and header values go out byte for byte (ISO-8859-1). */
    Response send(String method, String target, List<Header> headers, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("Connection: close\r\n");
            boolean hasLength = false;
            for (Header header : headers) {
                head.append(header.name()).append(": ").append(header.value()).append("\r\n");
                hasLength |= header.name().equalsIgnoreCase("Content-Length")
                        || header.name().equalsIgnoreCase("Transfer-Encoding");
            }
            if (!hasLength && (body.length > 0 || method.equals("POST"))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            // Written beside the read: a server that answers early and closes must not reset a connection whose
            // answer is still unread, which is what a client that only reads after writing everything would see.
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            Thread writer = Thread.ofVirtual().start(() -> write(socket, headBytes, body));
            byte[] raw = socket.getInputStream().readAllBytes();
            writer.join(TIMEOUT_MILLIS);
            return parse(raw, method.equals("HEAD"));
        } catch (IOException e) {
            throw new IllegalStateException("No answer to " + method + " " + abbreviate(target) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A server may answer and close before it has read a large body; its answer is what counts. */
    private static void write(Socket socket, byte[] head, byte[] body) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
        } catch (IOException answeredEarly) {
            // the answer is read anyway
        }
    }

    private static Response parse(byte[] raw, boolean head) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IOException("no complete response head in " + raw.length + " bytes");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = head ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            out.write(in.readNBytes(size));
            in.readNBytes(2);
        }
        return out.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        String hex = line.toString().split(";")[0].trim();
        return hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...(" + text.length() + " chars)";
    }
}
