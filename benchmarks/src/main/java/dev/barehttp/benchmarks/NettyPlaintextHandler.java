package dev.barehttp.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Answers {@code GET /plaintext} with {@code Hello, World!} and anything else with an empty 404.
 * Responses are written as requests are read and flushed once when the read batch ends, so a
 * pipelined batch goes out in one write. {@code Server: netty4.2} has the byte length of
 * {@code Server: barehttp}, so both servers send responses of the same size.
 */
final class NettyPlaintextHandler extends ChannelInboundHandlerAdapter {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final ByteBuf HELLO = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes(RequestSamples.ascii("Hello, World!")));
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain");
    private static final AsciiString SERVER = AsciiString.cached("netty4.2");
    private static final AsciiString HELLO_LENGTH = AsciiString.cached(Integer.toString(HELLO.readableBytes()));

    private static volatile DatedSecond date = new DatedSecond(0, AsciiString.EMPTY_STRING);

    /** The Date value of one second, made once per second and shared by every connection. */
    private record DatedSecond(long second, AsciiString value) {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                respond(ctx, request);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private static void respond(ChannelHandlerContext ctx, HttpRequest request) {
        boolean bad = request.decoderResult().isFailure();
        boolean found = !bad && request.uri().equals("/plaintext");
        FullHttpResponse response = found
                ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, HELLO.duplicate())
                : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        bad ? HttpResponseStatus.BAD_REQUEST : HttpResponseStatus.NOT_FOUND);
        HttpHeaders headers = response.headers();
        if (found) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, TEXT_PLAIN).set(HttpHeaderNames.CONTENT_LENGTH, HELLO_LENGTH);
        } else {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
        }
        headers.set(HttpHeaderNames.SERVER, SERVER).set(HttpHeaderNames.DATE, now());
        boolean keepAlive = !bad && HttpUtil.isKeepAlive(request);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            ctx.write(response, ctx.voidPromise());
        }
    }

    private static AsciiString now() {
        long second = System.currentTimeMillis() / 1000;
        DatedSecond current = date;
        if (current.second() != second) {
            current = new DatedSecond(second, AsciiString.cached(IMF_FIXDATE.format(Instant.ofEpochSecond(second))));
            date = current;
        }
        return current.value();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
