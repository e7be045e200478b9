package dev.barehttp.transport.blocking;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.ShutdownKit;

/** The {@link ShutdownKit} on the blocking transport with virtual threads turned off (the Java 17 pool). */
class BlockingPlatformThreadsShutdownTest extends ShutdownKit {
    @Override
    protected String transportName() {
        return "blocking";
    }

    @Override
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        return builder.option("blocking.virtualThreads", "false");
    }
}
