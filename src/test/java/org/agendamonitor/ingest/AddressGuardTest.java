package org.agendamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
    /** Literal addresses resolve without DNS; names come from this table only, so no test touches the network. */
    private static final Map<String, String> DNS = Map.of(
            "rebind.example", "127.0.0.1",
            "intranet.example", "10.0.0.7",
            "public.example", "93.184.216.34");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.getOrDefault(host, host);
        if (!Character.isDigit(ip.charAt(0)) && !ip.contains(":")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    private final AddressGuard guard = new AddressGuard(false, AddressGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.8.9.10:8080/x", "http://10.1.2.3/", "http://172.16.0.1/",
        "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://100.64.0.1/",
        "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/",
        "http://[64:ff9b::10.0.0.1]/", "http://224.0.0.1/", "http://255.255.255.255/",
        "http://rebind.example/", "http://intranet.example/"})
    void shouldRefuseNonPublicAddressesAfterResolution(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .isInstanceOf(AddressGuard.BlockedAddressException.class).hasMessageContaining("non-public");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://public.example/story", "http://93.184.216.34/", "http://8.8.8.8/",
        "http://[2001:4860:4860::8888]/"})
    void shouldAllowPublicAddresses(String url) throws Exception {
        assertThat(guard.check(URI.create(url))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://public.example/x", "gopher://public.example/"})
    void shouldRefuseOtherSchemes(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url)))
                .isInstanceOf(AddressGuard.BlockedAddressException.class).hasMessageContaining("only http(s)");
    }

    @Test
    void shouldAllowPrivateAddressesWhenConfigured() throws Exception {
        AddressGuard permissive = new AddressGuard(true, AddressGuardTest::resolve);

        assertThat(permissive.check(URI.create("http://rebind.example/"))).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
    }

    @Test
    void shouldRefuseAHostWhenAnyOfItsAddressesIsPrivate() {
        AddressGuard mixed = new AddressGuard(false, host -> new InetAddress[] {
            InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.10")});

        assertThatThrownBy(() -> mixed.check(URI.create("https://mixed.example/")))
                .hasMessageContaining("192.168.0.10");
    }

    @Test
    void shouldReportUnknownHosts() {
        assertThatThrownBy(() -> guard.check(URI.create("https://no-such-host.example/")))
                .isInstanceOf(UnknownHostException.class);
    }
}
