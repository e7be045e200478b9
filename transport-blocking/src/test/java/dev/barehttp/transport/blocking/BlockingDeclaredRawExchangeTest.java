package dev.barehttp.transport.blocking;

import dev.barehttp.tck.RawExchangeKit;

/** The {@link RawExchangeKit} on the blocking transport with the kit's routes declared non-blocking. */
class BlockingDeclaredRawExchangeTest extends RawExchangeKit {
    @Override
    protected String transportName() {
        return "blocking";
    }

    @Override
    protected boolean handlersDeclareNonBlocking() {
        return true;
    }
}
