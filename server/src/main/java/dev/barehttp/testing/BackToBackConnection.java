package dev.barehttp.testing;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.codec.ClientConnection;
import dev.barehttp.codec.HttpConfig;
import dev.barehttp.codec.HttpEvent;
import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.ServerConnection;
import dev.barehttp.codec.Signal;
import dev.barehttp.spi.ConnectionDriver;
import dev.barehttp.spi.ConnectionIO;
import dev.barehttp.spi.DriverSettings;
import dev.barehttp.spi.ErrorAnswers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One connection with no socket between its ends: the client codec's output is the server driver's
 * input, and the server's output is the client codec's input. Everything runs on the calling
 * thread, the handler included; as the {@link ConnectionIO} of the dispatch, this class feeds the
 * request bytes already encoded and hands the server's output to the client as it is flushed.
 *
 * <pre>
 *   RequestWriter --bytes--> ConnectionDriver (READ, DISPATCH: handler, WRITE) --bytes--> ClientConnection
 *         ^                                                                                 |
 *         +------------- a 100 Continue releases a held-back body --------------------------+
 * </pre>
 *
 * No timer runs, so no deadline of the codec ever passes; the driver lingers for no time, so a
 * closing connection closes at once.
 */
final class BackToBackConnection implements ConnectionIO {
    private static final long NO_LINGER = 0;
    private static final long NO_WRITE_TIMEOUT = 0;
    /** The client decodes under the default limits, so a small server limit under test cannot cut its answer. */
    private static final HttpConfig CLIENT_LIMITS = HttpConfig.defaults();

    private final ClientConnection client;
    private final ServerConnection server;
    private final ConnectionDriver driver;
    private final ResponseAssembler responses = new ResponseAssembler();
    /** The server's output for one move to the client: head and framing beside bodies queued by reference. */
    private final ByteBuffer[] segments = new ByteBuffer[16];
    private final ArrayDeque<byte[]> toServer = new ArrayDeque<>();
    private final ArrayDeque<String> dispatchedMethods = new ArrayDeque<>();
    private final boolean raw;
    private boolean clientDone;
    private boolean closed;

    /**
     * A connection to {@code handler}, whose server side enforces {@code config}.
     *
     * @param remotePort the client's port as the handler sees it, one per connection as a real peer's
     * @param raw true when the request bytes are written by hand rather than by the client codec: the
     *     client side then reads the responses as answers to the requests the server dispatched
     */
    BackToBackConnection(Handler handler, HttpConfig config, int remotePort, boolean raw) {
        this.raw = raw;
        LongSupplier clock = () -> System.nanoTime() / 1_000_000;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        client = new ClientConnection(CLIENT_LIMITS);
        server = new ServerConnection(config, clock);
        Handler served = raw ? recordingMethods(handler) : handler;
        driver = new ConnectionDriver(server, new InetSocketAddress(loopback, remotePort),
                new InetSocketAddress(loopback, TestClient.SERVER_PORT), new DriverSettings(served, false,
                NO_WRITE_TIMEOUT, NO_LINGER, DriverSettings.DEFAULT_TRIM_DELAY_MILLIS, ErrorAnswers.STANDARD));
        driver.start(true);
    }

    private Handler recordingMethods(Handler handler) {
        return (Request request) -> {
            dispatchedMethods.addLast(request.method());
            return handler.handle(request);
        };
    }

    /** The client codec, to write the next request with. */
    ClientConnection client() {
        return client;
    }

    /** True once either end ended the connection: the next request needs a new one. */
    boolean closed() {
        return closed || client.isClosed() || !client.canSendRequest();
    }

    /** Bytes written by hand, sent as they are (only for a {@code raw} connection). */
    void sendRaw(byte[] bytes) {
        toServer.addLast(bytes.clone());
    }

    /** After what was sent, the client sends nothing more and ends its output, as a peer that closes would. */
    void endClientOutput() {
        clientDone = true;
    }

    /**
     * Runs the server on what the client sent until it waits for more input or closes, and returns the
     * responses the client decoded meanwhile.
     */
    List<TestResponse> exchange() {
        ConnectionDriver.Action action = driver.action();
        while (!closed) {
            action = switch (action) {
                case READ -> read();
                case WRITE -> write();
                case DISPATCH -> {
                    driver.dispatch(this);
                    yield driver.afterDispatch();
                }
                case LINGER, CLOSE -> {
                    closeBothEnds();
                    yield action;
                }
            };
            if (action == null) {
                break;
            }
        }
        return responses.takeComplete();
    }

    /** The driver's next action after the next piece of input, or null when the client has nothing to send. */
    private ConnectionDriver.Action read() {
        byte[] piece = nextPiece();
        if (piece != null) {
            return driver.onInput(piece, 0, piece.length);
        }
        if (clientDone && !server.inputEnded()) {
            return driver.onEndOfInput();
        }
        return null;
    }

    private ConnectionDriver.Action write() {
        int n = moveToClient(driver.output(segments));
        readResponses();
        return driver.onOutputWritten(n);
    }

    /** Hands the gathered segments of the server's output to the client codec; the bytes moved. */
    private int moveToClient(int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += segments[i].remaining();
            client.receive(segments[i]);
            segments[i] = null;
        }
        return n;
    }

    private void closeBothEnds() {
        closed = true;
        client.receiveEndOfInput();
        readResponses();
        client.close();
    }

    /** The next bytes the client sends: those written by hand first, then the client codec's output. */
    private byte[] nextPiece() {
        if (client.hasOutput()) {
            ByteBuffer out = client.peekOutput();
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            client.consumeOutput(bytes.length);
            toServer.addLast(bytes);
        }
        return toServer.pollFirst();
    }

    /**
     * Hands every event the client codec can decode now to the assembler.
     *
     * @throws IllegalStateException when the server's bytes are no valid answer, e.g. a body cut short
     *     because the handler failed after part of it was sent
     */
    private void readResponses() {
        while (true) {
            if (raw) {
                standInForAnsweredRequest();
            }
            HttpEvent e;
            try {
                e = client.nextEvent();
            } catch (HttpProtocolException broken) {
                throw new IllegalStateException("the server's answer cannot be read: " + broken.getMessage(), broken);
            }
            if (e == Signal.SWITCHED) {
                responses.acceptTunnelBytes(client.switchedInput());
                return;
            }
            if (e instanceof Signal) {
                return;
            }
            responses.accept(e);
        }
    }

    /**
     * For bytes written by hand the client codec wrote no request, yet it reads a response only as
     * the answer to one: before each response it is told of one, with the method the server dispatched
     * (a request the server refused as malformed counts as a GET).
     */
    private void standInForAnsweredRequest() {
        if (client.outstandingRequests() == 0 && client.bufferedInput() > 0 && client.canSendRequest()) {
            String method = dispatchedMethods.isEmpty() ? "GET" : dispatchedMethods.pollFirst();
            String target = "CONNECT".equals(method) ? "localhost:" + TestClient.SERVER_PORT : "/";
            client.request().start(method, target).header("Host", "localhost").end();
            client.consumeOutput(client.pendingOutput());
        }
    }

    // ---------------------------------------------------------------- ConnectionIO, for the handler

    /**
     * The next piece of what the client sent. When it sent everything, the input ends: with no other
     * thread, nothing more can come, so a body the handler waits for was cut short.
     */
    @Override
    public void awaitInput() throws IOException {
        byte[] piece = nextPiece();
        if (piece != null) {
            server.receive(piece, 0, piece.length);
        } else if (!server.inputEnded()) {
            server.receiveEndOfInput();
        } else {
            throw new IOException("the client sent everything it had; a test client gives a body whole");
        }
    }

    /** Moves the server's pending output to the client, which may release a body held for 100 Continue. */
    @Override
    public void flush() {
        while (server.hasOutput()) {
            server.consumeOutput(moveToClient(server.gatherOutput(segments)));
        }
        readResponses();
    }
}
