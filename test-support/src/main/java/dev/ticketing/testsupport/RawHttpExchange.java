package dev.ticketing.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a plain socket, for requests an HTTP client refuses to send (a raw backslash, a huge
 * header, a request line of any length). The body is written beside the read, as a client that is still sending
 * when the answer arrives would: a server that answers early must not lose its answer to such a client.
 */
public final class RawHttpExchange {

    private static final int TIMEOUT_MILLIS = 10_000;

    private RawHttpExchange() {
    }

    /** Sends {@code head} (request line, headers, blank line) byte for byte, then {@code body}; returns all read. */
    public static String send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                } catch (IOException answeredEarly) {
                    // the answer is what the test judges
                }
            });
            byte[] answer = socket.getInputStream().readAllBytes();
            writer.join(TIMEOUT_MILLIS);
            return new String(answer, StandardCharsets.ISO_8859_1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
