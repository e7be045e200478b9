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
    private final byte[] buffer = new byte[16 * 1024];
    private volatile boolean idle;

    MemoryConnection(MemoryServer server, ServerSettings settings, BytePipe in, BytePipe out,
                     InetSocketAddress remote, InetSocketAddress local, boolean admitted) {
        this.server = server;
        this.in = in;
        this.out = out;
        this.admitted = admitted;
        this.driver = ConnectionDriver.create(settings, new ConnectionDriver.Peer(remote, local, false));
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
        ByteBuffer pending = driver.output();
        int n = Math.min(pending.remaining(), 16 * 1024);
        long now = now();
        out.write(pending.array(), pending.arrayOffset() + pending.position(), n, timeout(driver.deadline(), now));
        return driver.onOutputWritten(n);
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
            ByteBuffer pending = http.peekOutput();
            int n = Math.min(pending.remaining(), 16 * 1024);
            out.write(pending.array(), pending.arrayOffset() + pending.position(), n,
                    http.config().writeTimeoutMillis());
            http.consumeOutput(n);
        }
    }

    InetSocketAddress peer() {
        return driver.peer().remote();
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
