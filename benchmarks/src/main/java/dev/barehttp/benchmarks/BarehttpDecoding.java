package dev.barehttp.benchmarks;

import dev.barehttp.codec.BodyData;
import dev.barehttp.codec.EndOfMessage;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.codec.Signal;

/**
 * barehttp's side of the decode benchmarks: one {@link ServerConnection} reused across calls, as
 * a keep-alive connection is.
 *
 * <p>Decode only, as on the Netty and llhttp sides. Per call: the input is copied in with
 * {@code receive}, events are pulled until {@code NEED_DATA}, and each request head has its method,
 * target and {@code Host} value read (the same three fields the other sides read, so lazily made
 * strings are paid for here too). Body pieces count their length (a view also reads one byte of its
 * piece, so that the view is used). Each {@code EndOfMessage} ends its exchange with
 * {@link ServerConnection#skipResponse()}: the connection takes the next request only once the
 * previous one is done, and skipping the response keeps everything a server pays per request (the
 * head's rules, body framing, the persistence decision and the connection's bookkeeping between
 * requests) but the encoding of a response, which the other sides do not do either and which the
 * encode benchmarks measure.
 */
final class BarehttpDecoding {
    private final ServerConnection connection = new ServerConnection(HttpConfig.defaults());
    private final boolean views;
    private long requests;
    private long bodyBytes;

    /** A decoder whose body pieces are owned copies ({@code nextEvent}). */
    BarehttpDecoding() {
        this(false);
    }

    /**
     * A decoder that reads body pieces as views of the input ({@code nextEventAsView}) when
     * {@code views} is set: no copy and no object per piece.
     */
    BarehttpDecoding(boolean views) {
        this.views = views;
    }

    /**
     * Decodes every request in {@code input}.
     *
     * @return a sum over the touched fields, to be consumed so that no work is dead code
     */
    long decode(byte[] input) {
        connection.receive(input, 0, input.length);
        long touched = 0;
        while (true) {
            HttpEvent event = views ? connection.nextEventAsView() : connection.nextEvent();
            if (event instanceof RequestHead head) {
                touched += head.method().length() + head.target().length() + head.headers().get("host").length();
            } else if (event instanceof BodyData data) {
                bodyBytes += data.length();
                touched += views ? data.view().get(0) : data.data().length;
            } else if (event instanceof EndOfMessage) {
                requests++;
                connection.skipResponse();
            } else if (event == Signal.NEED_DATA) {
                return touched;
            } else {
                throw new IllegalStateException("unexpected " + event + " on " + connection);
            }
        }
    }

    /** Requests completed so far (checked once at setup). */
    long requests() {
        return requests;
    }

    /** Body bytes seen so far (checked once at setup). */
    long bodyBytes() {
        return bodyBytes;
    }
}
