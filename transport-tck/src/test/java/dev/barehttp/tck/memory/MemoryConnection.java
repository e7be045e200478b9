package dev.barehttp.tck.memory;

import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionDriver;
import dev.barehttp.spi.ConnectionDriver.Action;
import dev.barehttp.spi.ConnectionIO;
import dev.barehttp.spi.ServerSettings;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** One in-memory connection served by one thread, doing what its driver says; nothing else. */
final class MemoryConnection implements Runnable, ConnectionIO {
    private final MemoryServer server;
    private final BytePipe in;
    private final BytePipe out;
    private final boolean admitted;
    private final ConnectionDriver driver;
    private final ServerConnection http;
    private static final int SLICE = 16 * 1024;
    private final byte[] buffer = new byte[16 * 1024];
    /** The codec's output for one write: head and framing bytes beside bodies queued by reference. */
    private final ByteBuffer[] segments = new ByteBuffer[16];
    private volatile boolean idle;

    MemoryConnection(MemoryServer server, ServerSettings settings, BytePipe in, BytePipe out,
                     InetSocketAddress remote, InetSocketAddress local, boolean admitted) {
        this.server = server;
        this.in = in;
        this.out = out;
        this.admitted = admitted;
        this.driver = ConnectionDriver.create(settings, remote, local);
        this.http = driver.connection();
        if (server.shuttingDown()) {
            driver.markShutdown();
        }
    }

    @Override
    public void run() {
        try {
            Action action = driver.start(admitted);
            while (action != Action.CLOSE) {
                action = switch (action) {
                    case READ -> read();
                    case WRITE -> write();
                    case DISPATCH -> {
                        driver.dispatch(this);
                        yield driver.afterDispatch();
                    }
                    case LINGER -> linger();
                    default -> Action.CLOSE;
                };
            }
        } catch (IOException e) {
            // The peer went away or the connection was forced closed.
        } finally {
            out.closeWrite();
            in.reset();
            server.ended(this);
        }
    }

    private Action read() throws IOException {
        idle = driver.idle();
        try {
            if (idle && server.shuttingDown()) {
                driver.markShutdown();
                return driver.onShutdown();
            }
            long now = now();
            long deadline = driver.deadline();
            if (now >= deadline) {
                return driver.onDeadline(now);
            }
            int n;
            try {
                n = in.read(buffer, 0, buffer.length, timeout(deadline, now));
            } catch (SocketTimeoutException e) {
                return driver.onDeadline(now());
            }
            return n < 0 ? driver.onEndOfInput() : driver.onInput(buffer, 0, n);
        } finally {
            idle = false;
        }
    }

    private Action write() throws IOException {
        int count = driver.output(segments);
        return driver.onOutputWritten(writeSegments(count, timeout(driver.deadline(), now())));
    }

    /** Writes the gathered segments in turn (at most {@link #SLICE} bytes in all); returns the count. */
    private int writeSegments(int count, long timeoutMillis) throws IOException {
        int n = 0;
        try {
            for (int i = 0; i < count && n < SLICE; i++) {
                ByteBuffer segment = segments[i];
                int len = Math.min(segment.remaining(), SLICE - n);
                if (segment.hasArray()) {
                    out.write(segment.array(), segment.arrayOffset() + segment.position(), len, timeoutMillis);
                } else {
                    byte[] copy = new byte[len];
                    segment.get(segment.position(), copy, 0, len);
                    out.write(copy, 0, len, timeoutMillis);
                }
                n += len;
            }
        } finally {
            java.util.Arrays.fill(segments, 0, count, null);
        }
        return n;
    }

    private Action linger() throws IOException {
        out.closeWrite();
        while (true) {
            long now = now();
            long deadline = driver.deadline();
            if (now >= deadline) {
                return Action.CLOSE;
            }
            try {
                if (in.read(buffer, 0, buffer.length, timeout(deadline, now)) < 0) {
                    return Action.CLOSE;
                }
            } catch (SocketTimeoutException e) {
                return Action.CLOSE;
            }
        }
    }

    @Override
    public void awaitInput() throws IOException {
        flush();
        if (http.inputEnded()) {
            throw new EOFException("the peer ended its input and the request wants more");
        }
        while (true) {
            long now = now();
            long deadline = http.nextDeadline();
            if (now >= deadline && http.expire(now)) {
                flush();
                throw new SocketTimeoutException("the request body stalled past its deadline");
            }
            try {
                int n = in.read(buffer, 0, buffer.length, timeout(deadline, now));
                if (n < 0) {
                    http.receiveEndOfInput();
                } else {
                    http.receive(buffer, 0, n);
                }
                return;
            } catch (SocketTimeoutException e) {
                // Go round: the clock decides whether the deadline passed.
            }
        }
    }

    @Override
    public void flush() throws IOException {
        while (http.hasOutput()) {
            int count = http.gatherOutput(segments);
            http.consumeOutput(writeSegments(count, http.config().writeTimeoutMillis()));
        }
    }

    InetSocketAddress peer() {
        return driver.remoteAddress();
    }

    void markShutdown() {
        driver.markShutdown();
    }

    void closeIfIdle() {
        if (idle) {
            forceClose();
        }
    }

    void forceClose() {
        in.reset();
        out.reset();
    }

    private static long timeout(long deadline, long now) {
        return deadline == Long.MAX_VALUE ? 0 : Math.max(1, deadline - now);
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
