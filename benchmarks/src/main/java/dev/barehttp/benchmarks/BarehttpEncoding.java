package dev.barehttp.benchmarks;

import dev.barehttp.codec.EndOfMessage;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ResponseWriter;
import dev.barehttp.codec.ServerConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * barehttp's side of the encode benchmarks. barehttp's response writer answers a request, so
 * each call first decodes the minimal {@code GET} (the Netty side decodes the same bytes through
 * {@code HttpServerCodec}), then writes the response and hands its bytes to a counting sink, as
 * a transport hands them to a socket.
 */
final class BarehttpEncoding {
    private final ServerConnection connection = new ServerConnection(HttpConfig.defaults());
    private final byte[] request;
    private long sent;
    private final ServerConnection.OutputSink countingSink = (b, off, len) -> sent += len;

    BarehttpEncoding(byte[] request) {
        this.request = request;
    }

    /**
     * Answers one request with the fixed-length or the chunked response.
     *
     * @return the touched request fields plus the bytes written, to be consumed
     */
    long answer(boolean chunked) throws IOException {
        long touched = readRequest();
        respond(chunked);
        long before = sent;
        connection.writeOutputTo(countingSink);
        return touched + sent - before;
    }

    /** The bytes of one answer, for the setup check. */
    byte[] answerBytes(boolean chunked) throws IOException {
        readRequest();
        respond(chunked);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        connection.writeOutputTo(out::write);
        return out.toByteArray();
    }

    private long readRequest() {
        connection.receive(request, 0, request.length);
        HttpEvent head = connection.nextEvent();
        HttpEvent end = connection.nextEvent();
        if (!(head instanceof RequestHead h) || !(end instanceof EndOfMessage)) {
            throw new IllegalStateException("expected a request, got " + head + " then " + end);
        }
        return h.method().length() + h.target().length() + h.headers().get("host").length();
    }

    private void respond(boolean chunked) {
        ResponseWriter response = connection.response().status(200);
        String[] headers = ResponseSample.HEADERS;
        for (int i = 0; i < headers.length; i += 2) {
            response.header(headers[i], headers[i + 1]);
        }
        if (chunked) {
            for (int i = 0; i < ResponseSample.CHUNKS; i++) {
                response.write(ResponseSample.CHUNK);
            }
        } else {
            response.contentLength(ResponseSample.BODY.length).write(ResponseSample.BODY);
        }
        response.end();
    }
}
