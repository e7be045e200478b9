package dev.barehttp.transport.nio;

import dev.barehttp.spi.ServerSettings;
import dev.barehttp.spi.TransportOption;
import dev.barehttp.spi.TransportOption.Kind;
import java.util.List;

/**
 * The {@code nio.*} options, read once at start; see {@link NioTransport} for their meaning.
 *
 * @param selectors number of selector threads
 * @param virtualThreads run handlers on virtual threads when the JVM has them
 * @param handlerThreads size of the platform-thread pool otherwise
 * @param readBufferSize bytes read at once, per selector thread
 * @param backlog listen backlog
 */
record NioOptions(int selectors, boolean virtualThreads, int handlerThreads,
                  int readBufferSize, int backlog) {

    /** The options {@link #from} reads, as {@link NioTransport#options()} declares them. */
    static final List<TransportOption> DECLARED = List.of(
            new TransportOption("nio.selectors", Kind.POSITIVE_INT, "selector threads (default: available processors)"),
            new TransportOption("nio.virtualThreads", Kind.BOOLEAN, "run handlers on virtual threads (default true)"),
            new TransportOption("nio.handlerThreads", Kind.POSITIVE_INT, "most platform handler threads (default: maxConnections)"),
            new TransportOption("nio.readBufferSize", Kind.POSITIVE_INT, "bytes read at once (default 65536)"),
            new TransportOption("nio.backlog", Kind.POSITIVE_INT, "listen backlog (default 1024)"));

    NioOptions {
        positive("nio.selectors", selectors);
        positive("nio.handlerThreads", handlerThreads);
        positive("nio.readBufferSize", readBufferSize);
        positive("nio.backlog", backlog);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** The options of {@code settings}, with the documented defaults. */
    static NioOptions from(ServerSettings settings) {
        return new NioOptions(
                settings.intOption("nio.selectors", Runtime.getRuntime().availableProcessors()),
                settings.booleanOption("nio.virtualThreads", true),
                settings.intOption("nio.handlerThreads", settings.maxConnections()),
                settings.intOption("nio.readBufferSize", 64 * 1024),
                settings.intOption("nio.backlog", 1024));
    }
}
