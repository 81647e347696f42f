package org.agendamonitor.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.agendamonitor.config.IngestSettings;

/**
 * Refuses URLs that come <em>from feeds</em> (article pages for full-text fetching) when their host resolves to a
 * loopback, private, link-local, unique-local, multicast or otherwise non-public address, unless
 * {@code ingest.allow.private.addresses} is set. The check is on the resolved addresses, not the name, so
 * {@code http://localhost.example.com/} pointing at 127.0.0.1 is caught; every address must pass, because the
 * client may pick any of them. Feed URLs themselves are configured by the operator and are not checked. A caller
 * that fetches should connect to one of the returned addresses, or a DNS answer that changes between check and
 * connect (rebinding) would slip through.
 */
public final class AddressGuard {
    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL refused by the guard; {@link FetchOutcome#BLOCKED_ADDRESS}. */
    public static final class BlockedAddressException extends Exception {
        BlockedAddressException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public AddressGuard(IngestSettings settings) {
        this(settings.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    AddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * @return the addresses the host resolved to, all of them allowed
     * @throws BlockedAddressException when the URL is not http(s) or any address is not public
     * @throws UnknownHostException    when the host does not resolve
     */
    public List<InetAddress> check(URI url) throws BlockedAddressException, UnknownHostException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new BlockedAddressException("only http(s) URLs with a host are fetched: " + url);
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        List<InetAddress> addresses = List.of(resolver.resolve(host));
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isNonPublic(address)) {
                    throw new BlockedAddressException(host + " resolves to non-public address "
                            + address.getHostAddress());
                }
            }
        }
        return addresses;
    }

    static boolean isNonPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0                                   // "this network" (RFC 791)
                    || first == 100 && (second & 0xC0) == 64    // carrier-grade NAT 100.64/10 (RFC 6598)
                    || first == 192 && second == 0 && b[2] == 0 // IETF protocol assignments (RFC 6890)
                    || first == 198 && (second & 0xFE) == 18    // benchmarking 198.18/15 (RFC 2544)
                    || first >= 240;                            // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return true; // unique local fc00::/7 (RFC 4193)
            }
            if (isEmbeddedIpv4(b)) {
                try {
                    return isNonPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true; // cannot happen for 4 bytes; refuse rather than guess
                }
            }
        }
        return false;
    }

    /** IPv4-compatible ::a.b.c.d and NAT64 64:ff9b::a.b.c.d carry an IPv4 address in the last four bytes. */
    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return compatible || nat64;
    }
}
