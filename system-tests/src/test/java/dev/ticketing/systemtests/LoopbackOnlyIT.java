package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ticketing.infra.stack.ServiceName;
import dev.ticketing.infra.stack.StackSettings;
import org.junit.jupiter.api.Test;

/**
 * The services trust the X-User-Id the gateway forwards, so none of them, nor the stores, may be reachable from
 * another machine: the launched stack listens on loopback only (the gateway too, as GATEWAY_BIND_ADDRESS is unset).
 */
class LoopbackOnlyIT {

    @Test
    void everyPortOfTheStackListensOnLoopbackOnly() {
        assumeTrue(ListeningSockets.available(), "needs Linux's /proc/net/tcp");

        stackPorts().forEach((what, port) -> assertThat(ListeningSockets.addressesListeningOn(port))
                .as(what + " on port " + port).isNotEmpty().allMatch(InetAddress::isLoopbackAddress));
    }

    /** The same seen from outside: on this machine's other addresses every port of the stack refuses connections. */
    @Test
    void noPortOfTheStackAnswersOnThisMachinesOtherAddresses() throws SocketException {
        List<InetAddress> others = NetworkInterface.networkInterfaces().filter(LoopbackOnlyIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()).toList();
        assumeFalse(others.isEmpty(), "this machine has no address but loopback");

        for (InetAddress address : others) {
            stackPorts().forEach((what, port) -> assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 1_000);
                }
            }).as(what + " at " + (address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress())
                    + ":" + port).isInstanceOf(ConnectException.class));
        }
    }

    private static Map<String, Integer> stackPorts() {
        StackSettings.Ports ports = SystemUnderTest.stack().settings().ports();
        Map<String, Integer> all = new LinkedHashMap<>();
        for (ServiceName service : ServiceName.values()) {
            all.put(service.module(), ports.of(service));
        }
        all.put("Kafka broker", ports.kafka());
        all.put("Kafka controller", ports.kafkaController());
        all.put("MariaDB", ports.mariaDb());
        all.put("Redis", ports.redis());
        return all;
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
