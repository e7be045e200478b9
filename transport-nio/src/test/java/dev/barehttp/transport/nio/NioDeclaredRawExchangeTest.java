package dev.barehttp.transport.nio;

import dev.barehttp.HttpServer;
import dev.barehttp.tck.RawExchangeKit;

/**
 * The {@link RawExchangeKit} on the NIO transport with the kit's routes declared non-blocking (all but
 * {@code /slow}), so whole requests are answered on the selector thread: the same bytes either way.
 */
class NioDeclaredRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "nio";
    }

    @Override
    protected boolean handlersDeclareNonBlocking() {
        return true;
    }

    @Override
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        return builder.option("nio.selectors", "1");
    }
}
