package dev.ticketing.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept-alive connection goes on being read whatever the order its requests were answered in. The case that
 * stalled: a request arrives while the one before it is still at a service, and the gateway answers it by itself
 * (here a refused token) as soon as its turn comes; the connection's next request must still be answered.
 */
class KeepAliveIT extends GatewayInFrontOfStubs {

    private static final int ANSWER_WAIT_MILLIS = 5_000;

    @LocalServerPort
    int port;

    @RepeatedTest(5)
    void theRequestAfterOneAnsweredByTheGatewayWhileQueuedIsRead() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), ANSWER_WAIT_MILLIS);
            socket.setSoTimeout(ANSWER_WAIT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            // One write: the second request is queued while the first is at concert-service.
            out.write((get("/api/v1/concerts") + get("/api/v1/reservations/r-1")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusOf(readAnswer(in))).isEqualTo(200);
            assertThat(statusOf(readAnswer(in))).isEqualTo(401);

            out.write(get("/api/v1/concerts").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String next;
            try {
                next = readAnswer(in);
            } catch (SocketTimeoutException unread) {
                next = "no answer within " + ANSWER_WAIT_MILLIS + " ms";
            }
            assertThat(next).as("the answer to the connection's next request").startsWith("HTTP/1.1 200 ");
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: gateway\r\n\r\n";
    }

    private static int statusOf(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** One answer: its head, then a body of Content-Length bytes or in chunks. */
    private static String readAnswer(InputStream in) throws IOException {
        String head = readHead(in);
        String lowerHead = head.toLowerCase(Locale.ROOT);
        int lengthAt = lowerHead.indexOf("\r\ncontent-length:");
        if (lengthAt >= 0) {
            int end = lowerHead.indexOf("\r\n", lengthAt + 2);
            int length = Integer.parseInt(lowerHead.substring(lengthAt + 17, end).trim());
            return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
        if (lowerHead.contains("\r\ntransfer-encoding: chunked")) {
            StringBuilder body = new StringBuilder();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                readLine(in);
            }
            readLine(in); // the empty line after the last chunk
            return head + body;
        }
        return head;
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = readLine(in);
        int extension = line.indexOf(';');
        return Integer.parseInt(extension < 0 ? line.trim() : line.substring(0, extension).trim(), 16);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the gateway");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
