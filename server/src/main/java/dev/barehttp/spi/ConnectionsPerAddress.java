package dev.barehttp.spi;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optional cap on open connections from one client address ({@code maxConnectionsPerAddress}
 * option, 0 = none), so that a thousand idle connections from one address do not turn every other
 * client into a 503. A transport asks {@link #tryOpen} when it accepts and calls {@link #closed}
 * when an admitted connection ends; thread-safe.
 */
public final class ConnectionsPerAddress {
    /** The option naming the cap. */
    public static final String OPTION = "maxConnectionsPerAddress";

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    private ConnectionsPerAddress(int max) {
        this.max = max;
    }

    /** The cap of a server's settings. */
    public static ConnectionsPerAddress of(ServerSettings settings) {
        return new ConnectionsPerAddress(settings.intOption(OPTION, 0));
    }

    /** Counts a connection from {@code peer} in; false (and nothing counted) when its address is at the cap. */
    public boolean tryOpen(InetSocketAddress peer) {
        if (max <= 0 || peer == null) {
            return true;
        }
        boolean[] admitted = {false};
        open.compute(peer.getAddress(), (address, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    /** A connection counted by {@link #tryOpen} ended. */
    public void closed(InetSocketAddress peer) {
        if (max <= 0 || peer == null) {
            return;
        }
        open.computeIfPresent(peer.getAddress(), (address, count) -> count <= 1 ? null : count - 1);
    }
}
