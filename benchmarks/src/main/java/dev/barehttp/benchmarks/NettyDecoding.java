package dev.barehttp.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's side of the decode benchmarks: one {@link EmbeddedChannel} holding an
 * {@link HttpRequestDecoder} with its default limits and header validation, reused across calls.
 *
 * <p>Per call: the input is copied into a buffer from the channel's allocator (as a socket read
 * would fill one), written inbound, and every decoded {@link HttpRequest} / {@link HttpContent}
 * is read back and released. Each request has its method, URI and {@code Host} value read, the
 * same fields as the barehttp side; contents count their readable bytes.
 */
final class NettyDecoding {
    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder());
    private long requests;
    private long bodyBytes;

    /**
     * Decodes every request in {@code input}.
     *
     * @return a sum over the touched fields, to be consumed so that no work is dead code
     */
    long decode(byte[] input) {
        ByteBuf buffer = channel.alloc().buffer(input.length);
        buffer.writeBytes(input);
        channel.writeInbound(buffer);
        long touched = 0;
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            try {
                touched += touch(message);
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
        return touched;
    }

    private long touch(Object message) {
        if (((HttpObject) message).decoderResult().isFailure()) {
            throw new IllegalStateException("Netty rejected the input", ((HttpObject) message).decoderResult().cause());
        }
        long touched = 0;
        if (message instanceof HttpRequest request) {
            touched += request.method().name().length() + request.uri().length()
                    + request.headers().get(HttpHeaderNames.HOST).length();
        }
        if (message instanceof HttpContent content) {
            int n = content.content().readableBytes();
            bodyBytes += n;
            touched += n;
        }
        if (message instanceof LastHttpContent) {
            requests++;
        }
        return touched;
    }

    /** Requests completed so far (checked once at setup). */
    long requests() {
        return requests;
    }

    /** Body bytes seen so far (checked once at setup). */
    long bodyBytes() {
        return bodyBytes;
    }

    /** Releases what the channel still holds. */
    void close() {
        channel.finishAndReleaseAll();
    }
}
