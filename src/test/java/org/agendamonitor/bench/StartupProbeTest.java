package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The demo's web port is free and never one the kernel could give an outgoing connection meanwhile. */
class StartupProbeTest {
    @Test
    void shouldChooseAFreePortBelowTheRangeOfOutgoingConnections() throws Exception {
        int[] range = StartupProbe.ephemeralRange();
        assertThat(range[0]).isLessThanOrEqualTo(range[1]).isGreaterThan(1024);
        for (int i = 0; i < 50; i++) {
            int port = StartupProbe.freePort();
            assertThat(port).isBetween(1024, range[0] - 1);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
