package dev.ticketing.infra.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks that turn a busy port into a clear message instead of an obscure bind failure later. */
public final class Ports {

    private Ports() {
    }

    public static void requireFree(String what, int port) {
        if (!isFree(port)) {
            throw new EmbeddedServerFailure(what + " cannot start: port " + port + " on 127.0.0.1 is already in use."
                    + " Stop whatever holds it (e.g. `ss -ltnp 'sport = :" + port + "'`) or choose another port.");
        }
    }

    /** Binds as servers do (with SO_REUSEADDR), so sockets lingering in TIME_WAIT after a restart do not count. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port the operating system considers free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedServerFailure("No free local port", e);
        }
    }
}
