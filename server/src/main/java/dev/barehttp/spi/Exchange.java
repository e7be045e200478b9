package dev.barehttp.spi;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.RequestHead;
import dev.barehttp.codec.ResponseFraming;
import dev.barehttp.codec.ResponseWriter;
import dev.barehttp.codec.ServerConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One request answered: the glue every transport shares between the codec and the application.
 *
 * <ol>
 *   <li>wrap the head in a {@link Request} whose body streams from the connection;</li>
 *   <li>call the {@link Handler}; a thrown {@link HttpProtocolException} becomes its status, any other
 *       exception a 500 (when no byte of the response has been written yet);</li>
 *   <li>encode the {@link Response} through the connection's writer: bytes with Content-Length, a stream
 *       through an {@link java.io.OutputStream}, a file through {@link ConnectionIO#sendFile}.</li>
 * </ol>
 *
 * It does not flush at the end: the transport flushes before it waits for input, so that the
 * responses to pipelined requests leave in one write.
 */
public final class Exchange {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final Response INTERNAL_ERROR = Response.text(500, "Internal Server Error\n");

    private Exchange() {
    }

    /**
     * Answers the request whose head {@code connection} just handed out.
     *
     * @throws IOException when the connection failed (socket error, timeout): the transport closes it
     */
    public static void run(ServerConnection connection, RequestHead head, ConnectionIO io, Handler handler,
                           InetSocketAddress remote, InetSocketAddress local, boolean secure) throws IOException {
        RequestBodyStream body = new RequestBodyStream(connection, io, head.hasBody());
        try {
            Response response = invoke(connection, head, body, handler, remote, local, secure);
            if (response != null) {
                send(connection, io, response);
            }
        } finally {
            body.detach();
        }
    }

    private static Response invoke(ServerConnection connection, RequestHead head, RequestBodyStream body,
                                   Handler handler, InetSocketAddress remote, InetSocketAddress local,
                                   boolean secure) throws IOException {
        Response response;
        try {
            Request request = new Request(head, body, body::trailers, remote, local, secure);
            response = handler.handle(request);
            if (response == null) {
                throw new IllegalStateException("the handler returned no response");
            }
        } catch (HttpProtocolException e) {
            response = Response.text(e.status(), e.getMessage() + "\n");
        } catch (Exception | Error e) {
            if (e instanceof Error && !(e instanceof AssertionError || e instanceof StackOverflowError)) {
                throw (Error) e;
            }
            if (connectionFailed(connection, e)) {
                return null;
            }
            LOG.log(System.Logger.Level.WARNING, "handler failed for " + head.method() + " " + head.target(), e);
            response = INTERNAL_ERROR;
        }
        return connectionFailed(connection, null) ? null : response;
    }

    /** True when reading the body broke the connection: answer the protocol error, or rethrow the I/O error. */
    private static boolean connectionFailed(ServerConnection connection, Throwable cause) throws IOException {
        if (connection.failure() != null) {
            connection.respondToError(connection.failure());
            return true;
        }
        if (connection.isClosed()) {
            throw cause instanceof IOException io ? io : new IOException("the connection closed", cause);
        }
        return false;
    }

    private static void send(ServerConnection connection, ConnectionIO io, Response response) throws IOException {
        Response.Body body = response.body();
        if (body instanceof Response.BytesBody) {
            sendBytes(connection.response(), response);
        } else if (body instanceof Response.StreamBody s) {
            sendStream(connection, io, response, s);
        } else {
            sendFile(connection, io, response, (Response.FileBody) body);
        }
    }

    /** A response whose body is bytes (as every response this class makes itself is). */
    private static void sendBytes(ResponseWriter w, Response response) {
        byte[] bytes = ((Response.BytesBody) response.body()).bytes();
        w.status(response.status(), response.reason()).headers(response.headers());
        if (!response.headers().contains("content-length")) {
            w.contentLength(bytes.length);
        }
        w.write(bytes).end();
    }

    private static void sendStream(ServerConnection connection, ConnectionIO io, Response response,
                                   Response.StreamBody body) throws IOException {
        ResponseBodyStream out = new ResponseBodyStream(connection, io, response);
        try {
            body.writer().writeTo(out);
            Headers trailers = body.trailers() == null ? Headers.EMPTY : body.trailers().get();
            out.finish(trailers);
        } catch (IOException | RuntimeException e) {
            if (out.started() || connection.isClosed()) {
                connection.close();
                throw e instanceof IOException io2 ? io2 : new IOException("the streamed body failed", e);
            }
            LOG.log(System.Logger.Level.WARNING, "a streamed body failed before its first byte", e);
            sendBytes(connection.response(), INTERNAL_ERROR);
        }
    }

    private static void sendFile(ServerConnection connection, ConnectionIO io, Response response,
                                 Response.FileBody file) throws IOException {
        Path path = file.path();
        long size;
        try {
            long available = Files.size(path) - file.offset();
            size = file.length() == Response.FileBody.TO_END ? available : file.length();
            if (size < 0 || available < size) {
                throw new IOException("the region " + file.offset() + "+" + file.length() + " is past the end");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot send " + path, e);
            sendBytes(connection.response(), INTERNAL_ERROR);
            return;
        }
        ResponseWriter w = connection.response();
        w.status(response.status(), response.reason()).headers(response.headers());
        if (!response.headers().contains("content-length")) {
            w.contentLength(size);
        }
        w.commit();
        if (w.framing() == ResponseFraming.CONTENT_LENGTH && size > 0) {
            io.sendFile(connection, path, file.offset(), size);
        }
        w.end();
    }
}
