package dev.barehttp;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves a connection after a protocol switch ({@link Response#upgrade} or {@link Response#tunnel}):
 * it owns the connection's raw bytes both ways until it returns, when the connection closes.
 */
@FunctionalInterface
public interface UpgradeHandler {
    /**
     * Speaks the new protocol. {@code in} starts with any bytes the client sent after its request;
     * {@code out} reaches the socket on {@code flush()} (and whenever enough has accumulated). Both
     * block as the connection's I/O does; runs on the request's handler thread.
     */
    void serve(InputStream in, OutputStream out) throws Exception;
}
