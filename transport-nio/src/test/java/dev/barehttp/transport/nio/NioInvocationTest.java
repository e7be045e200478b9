package dev.barehttp.transport.nio;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.InvocationKit;

/** The {@link InvocationKit} on the NIO transport, with one selector thread so every connection shares it. */
class NioInvocationTest extends InvocationKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected String loopThreadPrefix() {
        return "barehttp-nio-selector-";
    }

    @Override
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        return builder.option("nio.selectors", "1");
    }
}
