package dev.barehttp.transport.blocking;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.RawExchangeKit;

/** The {@link RawExchangeKit} on the blocking transport with virtual threads turned off (the Java 17 pool). */
class BlockingPlatformThreadsRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "blocking";
    }

    @Override
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        return builder.option("blocking.virtualThreads", "false");
    }
}
