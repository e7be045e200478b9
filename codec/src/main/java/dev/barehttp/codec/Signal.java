package dev.barehttp.codec;

/** The events that are not message parts: they tell the driver what the connection waits for. */
public enum Signal implements HttpEvent {
    /** More bytes are needed before the next event: read from the peer and call {@code receive}. */
    NEED_DATA,
    /**
     * A request is complete and the next one must wait until its response has been written in
     * full (pipelined bytes stay buffered until then).
     */
    PAUSED,
    /**
     * No request will follow on this connection: write any pending output, then close it.
     */
    CLOSED,
    /**
     * The connection now speaks another protocol (after {@code 101 Switching Protocols}, or a 2xx
     * answer to CONNECT): no further HTTP event follows; the bytes that arrived after the head are
     * handed over by {@link ClientConnection#switchedInput()}.
     */
    SWITCHED
}
