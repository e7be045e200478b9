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
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One request answered: the glue between the codec and the application, run by
 * {@link ConnectionDriver#dispatch}.
 *
 * <ol>
 *   <li>wrap the head in a {@link Request} whose body streams from the connection;</li>
 *   <li>call the {@link Handler}; a thrown {@link HttpProtocolException} becomes its status, anything else
 *       thrown (an {@link Error} too) a logged 500;</li>
 *   <li>check the {@link Response} against its own framing before its head is committed (a declared
 *       Content-Length that is not the body's, a body on 204 or 304, a file that is not a regular file):
 *       such a response becomes a logged 500;</li>
 *   <li>encode it through the connection's writer: bytes with Content-Length, a stream through an
 *       {@link java.io.OutputStream}, a file through {@link ConnectionIO#sendFile}. A stream that fails
 *       before any byte of it left is taken back and answered 500, or with the protocol error's own
 *       status (400, 413) when it failed because the request body it read broke the protocol; after a
 *       byte left, the connection closes, since its framing can no longer be completed.</li>
 * </ol>
 *
 * It does not flush at the end: the driver writes once the answers to every pipelined request that
 * could be answered are encoded.
 *
 * <p>On a thread that must not block ({@link ConnectionIO#mayBlock()} false) only a bytes body is sent:
 * a stream, a file or a protocol switch may block while it is written, so such a response is handed back
 * {@link Unsent} and the driver sends it from a thread that may block.
 */
final class Exchange {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final Response INTERNAL_ERROR = Response.text(500, "Internal Server Error\n");

    private Exchange() {
    }

    /**
     * Answers the request whose head {@code connection} just handed out.
     *
     * @throws IOException when the connection failed (socket error, timeout): the transport closes it
     */
    static Unsent run(ConnectionDriver driver, RequestHead head, ConnectionIO io) throws IOException {
        ServerConnection connection = driver.connection();
        RequestBodyStream body = new RequestBodyStream(connection, io, head.hasBody());
        Unsent unsent = null;
        try {
            Response response = invoke(driver, head, body);
            if (response == null) {
                return null;
            }
            if (!io.mayBlock() && !(response.body() instanceof Response.BytesBody)) {
                unsent = new Unsent(connection, head, response, body);
                return unsent;
            }
            send(connection, io, head, response);
            return null;
        } finally {
            if (unsent == null) {
                body.detach();
            }
        }
    }

    /**
     * A response whose body may block while it is written (a stream, a file, a protocol switch), returned
     * by a handler that ran on a thread that must not block: the driver sends it from a thread that may,
     * before anything else of the connection happens. Its request body stays readable until then.
     */
    static final class Unsent {
        private final ServerConnection connection;
        private final RequestHead head;
        private final Response response;
        private final RequestBodyStream body;

        private Unsent(ServerConnection connection, RequestHead head, Response response, RequestBodyStream body) {
            this.connection = connection;
            this.head = head;
            this.response = response;
            this.body = body;
        }

        /** Sends the response through {@code io}, which may block. */
        void send(ConnectionIO io) throws IOException {
            body.moveTo(io);
            try {
                Exchange.send(connection, io, head, response);
            } finally {
                body.detach();
            }
        }
    }

    private static Response invoke(ConnectionDriver driver, RequestHead head, RequestBodyStream body)
            throws IOException {
        ServerConnection connection = driver.connection();
        Response response;
        try {
            Request request = new Request(head, body, body::trailers, driver.remoteAddress(), driver.localAddress(),
                    driver.settings().secure(),
                    (status, fields) -> {
                        boolean queued = connection.sendInterim(status, fields);
                        if (queued) {
                            body.io().flush();
                        }
                        return queued;
                    });
            response = driver.settings().handler().handle(request);
            if (response == null) {
                throw new IllegalStateException("the handler returned no response");
            }
        } catch (HttpProtocolException e) {
            response = Response.text(e.status(), e.getMessage() + "\n");
        } catch (Exception | Error e) {
            if (connectionFailed(connection, e)) {
                return null;
            }
            LOG.log(System.Logger.Level.WARNING, "the handler failed for " + head.method() + " " + head.target(), e);
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

    private static void send(ServerConnection connection, ConnectionIO io, RequestHead head, Response response)
            throws IOException {
        if (!connection.response().awaitingStatus()) {
            // A handler that wrote a response itself and returned another; nothing sane can follow.
            throw new IOException("the response to " + head.target() + " was already begun");
        }
        String contradiction = contradiction(response);
        if (contradiction != null) {
            LOG.log(System.Logger.Level.WARNING, "the response to " + head.method() + " " + head.target()
                    + " contradicts its own framing: " + contradiction);
            sendBytes(connection.response(), INTERNAL_ERROR);
            return;
        }
        Response.Body body = response.body();
        if (body instanceof Response.BytesBody) {
            sendBytes(connection.response(), response);
        } else if (body instanceof Response.StreamBody s) {
            sendStream(connection, io, head, response, s);
        } else if (body instanceof Response.SwitchBody s) {
            switchProtocols(connection, io, head, response, s);
        } else {
            sendFile(connection, io, response, (Response.FileBody) body);
        }
    }

    /** Why a response cannot be sent as it says, checked before its head is committed; or null. */
    static String contradiction(Response response) {
        int status = response.status();
        boolean noContent = status == 204 || status == 304;
        String declared = response.headers().get("content-length");
        Response.Body body = response.body();
        if (body instanceof Response.BytesBody b) {
            if (noContent && b.bytes().length > 0) {
                return "a " + status + " response carries no body, but " + b.bytes().length + " bytes were given";
            }
            if (declared != null && !noContent && !declared.equals(Integer.toString(b.bytes().length))) {
                return "Content-Length: " + declared + " on a body of " + b.bytes().length + " bytes";
            }
        } else if (body instanceof Response.FileBody f) {
            if (noContent) {
                return "a " + status + " response carries no body, but a file was given";
            }
            if (!Files.isRegularFile(f.path())) {
                return f.path() + " is not a readable regular file";
            }
        } else if (noContent) {
            return "a " + status + " response carries no body, but a stream was given";
        }
        return null;
    }

    /**
     * A 101 (or a 2xx to CONNECT), then the connection belongs to the switch's handler until it
     * returns; then the connection closes. A request that did not ask for the switch gets a logged 500.
     */
    private static void switchProtocols(ServerConnection connection, ConnectionIO io, RequestHead head,
                                        Response response, Response.SwitchBody body) throws IOException {
        try {
            if (body.protocol() != null) {
                connection.switchProtocols(body.protocol(), response.headers());
            } else {
                connection.openTunnel(response.status(), response.headers());
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot switch protocols for " + head.method() + " " + head.target()
                    + ": " + e.getMessage());
            sendBytes(connection.response(), INTERNAL_ERROR);
            return;
        }
        io.flush();
        SwitchedStreams streams = new SwitchedStreams(connection, io);
        try {
            body.handler().serve(streams.in(), streams.out());
            io.flush();
        } catch (IOException e) {
            throw e;
        } catch (Exception | Error e) {
            LOG.log(System.Logger.Level.WARNING, "the switched connection of " + head.target() + " failed", e);
        } finally {
            connection.close();
        }
    }

    /**
     * A response whose body is bytes (as every response this class makes itself is): the array goes to
     * the transport by reference, beside the head, without a copy into the codec; a short one is copied,
     * as the codec would copy it anyway, without wrapping it first.
     */
    private static void sendBytes(ResponseWriter w, Response response) {
        byte[] bytes = ((Response.BytesBody) response.body()).bytes();
        w.status(response.status(), response.reason()).headers(response.headers());
        if (!response.headers().contains("content-length")) {
            w.contentLength(bytes.length);
        }
        if (bytes.length < ResponseWriter.COPY_BELOW) {
            w.write(bytes);
        } else {
            w.write(ByteBuffer.wrap(bytes));
        }
        w.end();
    }

    private static void sendStream(ServerConnection connection, ConnectionIO io, RequestHead head, Response response,
                                   Response.StreamBody body) throws IOException {
        ResponseBodyStream out = new ResponseBodyStream(connection, io, response);
        try {
            body.writer().writeTo(out);
            Headers trailers = body.trailers() == null ? Headers.EMPTY : body.trailers().get();
            out.finish(trailers);
        } catch (IOException | RuntimeException e) {
            if (connection.isClosed() && connection.failure() == null) {
                throw e instanceof IOException io2 ? io2 : new IOException("the streamed body failed", e);
            }
            if (connection.retractResponse()) {
                if (connection.failure() != null) {
                    // The request body broke the protocol while the stream read it: the client's error.
                    connection.respondToError(connection.failure());
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "the streamed body of " + head.method() + " " + head.target()
                        + " failed before any byte of it left; answering 500", e);
                sendBytes(connection.response(), INTERNAL_ERROR);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "the streamed body of " + head.method() + " " + head.target()
                    + " failed after bytes of it left; closing the connection", e);
            connection.close();
            throw e instanceof IOException io2 ? io2 : new IOException("the streamed body failed", e);
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
