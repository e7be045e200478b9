package dev.barehttp.transport.nio;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.ShutdownKit;

/** The {@link ShutdownKit} on the NIO transport with virtual threads turned off (the Java 17 pool). */
class NioPlatformThreadsShutdownTest extends ShutdownKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        return builder.option("nio.virtualThreads", "false");
    }
}
