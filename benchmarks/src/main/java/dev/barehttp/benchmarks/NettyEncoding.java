package dev.barehttp.benchmarks;

import dev.barehttp.codec.HttpDate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;

/**
 * Netty's side of the encode benchmarks: an {@link EmbeddedChannel} with {@link HttpServerCodec},
 * so that, like the barehttp side, each call decodes the minimal {@code GET} and then encodes
 * the response. Header names and values are cached {@link AsciiString}s and {@code Date} is a
 * string made once, as a tuned Netty server keeps them; bodies are wrapped, not copied.
 * Outbound buffers are read, counted and released.
 */
final class NettyEncoding {
    private static final AsciiString[] HEADERS = asciiHeaders();
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString TRANSFER_ENCODING = AsciiString.cached("Transfer-Encoding");
    private static final AsciiString DATE = AsciiString.cached("Date");
    private static final AsciiString BODY_LENGTH = AsciiString.cached(Integer.toString(ResponseSample.BODY.length));

    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec());
    private final byte[] request;
    private final AsciiString date = AsciiString.cached(HttpDate.now());

    NettyEncoding(byte[] request) {
        this.request = request;
    }

    /**
     * Answers one request with the fixed-length or the chunked response.
     *
     * @return the touched request fields plus the bytes written, to be consumed
     */
    long answer(boolean chunked) {
        long touched = readRequest();
        respond(chunked);
        for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            touched += out.readableBytes();
            out.release();
        }
        return touched;
    }

    /** The bytes of one answer, for the setup check. */
    byte[] answerBytes(boolean chunked) {
        readRequest();
        respond(chunked);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            byte[] b = new byte[out.readableBytes()];
            out.readBytes(b);
            bytes.writeBytes(b);
            out.release();
        }
        return bytes.toByteArray();
    }

    private long readRequest() {
        ByteBuf buffer = channel.alloc().buffer(request.length);
        buffer.writeBytes(request);
        channel.writeInbound(buffer);
        long touched = 0;
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            try {
                if (((HttpObject) message).decoderResult().isFailure()) {
                    throw new IllegalStateException("Netty rejected the request",
                            ((HttpObject) message).decoderResult().cause());
                }
                if (message instanceof HttpRequest r) {
                    touched += r.method().name().length() + r.uri().length()
                            + r.headers().get(io.netty.handler.codec.http.HttpHeaderNames.HOST).length();
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
        return touched;
    }

    private void respond(boolean chunked) {
        if (chunked) {
            DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            addHeaders(head.headers()).set(TRANSFER_ENCODING, HttpHeaderValues.CHUNKED).set(DATE, date);
            channel.write(head);
            for (int i = 0; i < ResponseSample.CHUNKS; i++) {
                channel.write(new DefaultHttpContent(Unpooled.wrappedBuffer(ResponseSample.CHUNK)));
            }
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(ResponseSample.BODY));
            addHeaders(response.headers()).set(CONTENT_LENGTH, BODY_LENGTH).set(DATE, date);
            channel.writeAndFlush(response);
        }
        channel.checkException();
    }

    private static HttpHeaders addHeaders(HttpHeaders headers) {
        for (int i = 0; i < HEADERS.length; i += 2) {
            headers.set(HEADERS[i], HEADERS[i + 1]);
        }
        return headers;
    }

    private static AsciiString[] asciiHeaders() {
        String[] h = ResponseSample.HEADERS;
        AsciiString[] a = new AsciiString[h.length];
        for (int i = 0; i < h.length; i++) {
            a[i] = AsciiString.cached(h[i]);
        }
        return a;
    }

    /** Releases what the channel still holds. */
    void close() {
        channel.finishAndReleaseAll();
    }
}
