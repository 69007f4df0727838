package dev.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void readsAddressesAsTheKernelPrintsThemOnThisMachine() throws Exception {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);

        assertThat(ListeningSockets.address("0100007F")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.address("00000000000000000000000001000000")).isEqualTo(InetAddress.getByName("::1"));
        assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(ListeningSockets.address("0101A8C0")).isEqualTo(InetAddress.getByName("192.168.1.1"));
    }

    @Test
    void seesASocketBoundToLoopbackAsLoopbackOnly() throws Exception {
        assumeTrue(ListeningSockets.available());
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(ListeningSockets.addressesListeningOn(socket.getLocalPort()))
                    .containsExactly(InetAddress.getByName("127.0.0.1"));
        }
    }

    @Test
    void seesASocketBoundToEveryInterfaceAsTheWildcardAddress() throws Exception {
        assumeTrue(ListeningSockets.available());
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(0));
            assertThat(ListeningSockets.addressesListeningOn(socket.getLocalPort()))
                    .singleElement().matches(InetAddress::isAnyLocalAddress);
        }
    }
}
