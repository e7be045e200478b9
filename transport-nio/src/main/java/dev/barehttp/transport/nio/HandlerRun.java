package dev.barehttp.transport.nio;

import dev.barehttp.codec.ServerConnection;
import dev.barehttp.spi.ConnectionIO;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * A handler thread's turn with a connection: runs the driver's dispatch (the request and every
 * request pipelined behind it that can be answered now), tries to write the answers at once, and
 * hands the connection back to its selector thread. While the handler waits for body bytes or for
 * the peer to take output, the connection is lent to the selector thread (backpressure both ways).
 *
 * <p>A kept run (on virtual threads) does not end after its turn: its thread parks until the
 * selector thread {@linkplain #give gives} it the connection's next dispatch, so a busy connection
 * costs no thread start per request, or until it is {@linkplain #release released} (the connection
 * closed or went idle long enough to trim its buffers).
 *
 * <pre>
 *   RUNNING ── turn done ──▶ PARKED ── give() ──▶ GIVEN ── thread wakes ──▶ RUNNING
 *      └───────────── release() (any state) ──▶ RELEASED: the thread ends
 * </pre>
 */
final class HandlerRun implements Runnable, ConnectionIO {
    /** Where a kept run stands between the connection's dispatches. */
    private enum Turn { RUNNING, PARKED, GIVEN, RELEASED }

    private static final VarHandle TURN;

    static {
        try {
            TURN = MethodHandles.lookup().findVarHandle(HandlerRun.class, "turn", Turn.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final NioConnection connection;
    private final boolean kept;
    private volatile Turn turn = Turn.RUNNING;
    private volatile Thread thread;

    /** A run of one dispatch, or, when {@code kept}, of every dispatch until it is released. */
    HandlerRun(NioConnection connection, boolean kept) {
        this.connection = connection;
        this.kept = kept;
    }

    /** True when this run's thread waits between dispatches for the next one. */
    boolean kept() {
        return kept;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        do {
            answer();
        } while (kept && awaitNextDispatch());
    }

    private void answer() {
        connection.handlerThread = Thread.currentThread();
        try {
            connection.driver.dispatch(this);
            connection.writeFromHandler();
        } catch (IOException | RuntimeException | Error e) {
            // The codec is closed so that the selector thread, once handed the connection, closes it.
            connection.http().close();
        } finally {
            connection.handlerThread = null;
            // Parked before the hand-back, so a selector thread that takes the connection back finds it so.
            if (kept) {
                TURN.compareAndSet(this, Turn.RUNNING, Turn.PARKED);
            }
            connection.handBack();
        }
    }

    /** Parks until the next dispatch is given (true) or the run is released (false). */
    private boolean awaitNextDispatch() {
        while (turn == Turn.PARKED) {
            Thread.interrupted(); // a handler's leftover interrupt must not turn the park into a spin
            LockSupport.park(this);
        }
        return TURN.compareAndSet(this, Turn.GIVEN, Turn.RUNNING);
    }

    /**
     * Selector thread, holding the connection for a DISPATCH: hands it to this parked run's thread.
     * False when the run is not parked (released, or not kept): the caller starts another.
     */
    boolean give() {
        if (TURN.compareAndSet(this, Turn.PARKED, Turn.GIVEN)) {
            LockSupport.unpark(thread);
            return true;
        }
        return false;
    }

    /** Any thread: the connection needs this run no more; a parked thread ends, a running one after its turn. */
    void release() {
        if (TURN.getAndSet(this, Turn.RELEASED) == Turn.PARKED) {
            LockSupport.unpark(thread);
        }
    }

    /** Parks this thread until the selector thread has fed more bytes (it stops reading meanwhile). */
    @Override
    public void awaitInput() throws IOException {
        flush();
        connection.handOff(NioConnection.Holder.AWAIT_INPUT);
    }

    /** Writes directly while the socket takes it; otherwise parks until the selector thread wrote the rest. */
    @Override
    public void flush() throws IOException {
        connection.writeFromHandler();
        if (connection.http().hasOutput()) {
            connection.handOff(NioConnection.Holder.AWAIT_WRITE);
        }
    }

    /** Flushes the head, then sends the file with {@code FileChannel.transferTo}, parking while the socket is full. */
    @Override
    public void sendFile(ServerConnection http, Path file, long offset, long length) throws IOException {
        flush();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = offset;
            long end = offset + length;
            while (position < end) {
                long n = connection.transferFrom(channel, position, end - position);
                if (n < 0 && position == offset) {
                    ConnectionIO.super.sendFile(http, file, offset, length);
                    return;
                }
                if (n <= 0) {
                    if (position >= channel.size()) {
                        throw new IOException("the file " + file + " shrank while it was sent");
                    }
                    connection.handOff(NioConnection.Holder.AWAIT_WRITE);
                    continue;
                }
                position += n;
            }
        }
        http.response().bodySentDirectly(length);
    }
}
