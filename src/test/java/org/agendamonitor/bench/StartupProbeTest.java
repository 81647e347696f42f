package org.agendamonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The demo's web port is free and, where the kernel leaves room, never one it could give an outgoing connection. */
class StartupProbeTest {
    @Test
    void shouldChooseAFreePortBelowTheRangeOfOutgoingConnections() throws Exception {
        int[] range = StartupProbe.ephemeralRange();
        assertThat(range[0]).isLessThanOrEqualTo(range[1]).isPositive();
        boolean roomBelow = range[0] - 1024 >= 100; // else the probe falls back to any free port
        for (int i = 0; i < 50; i++) {
            int port = StartupProbe.freePort();
            if (roomBelow) {
                assertThat(port).isBetween(Math.max(1024, range[0] - 10_000), range[0] - 1);
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
