package dev.barehttp.transport.blocking;

import dev.barehttp.tck.InvocationKit;

/** The {@link InvocationKit} on the blocking transport: declarations change no thread, and no bytes. */
class BlockingInvocationTest extends InvocationKit {
    @Override
    protected String transportName() {
        return "blocking";
    }
}
