package dev.barehttp.transport.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A {@link Wire} through a server-mode {@link SSLEngine}: reads unwrap, writes wrap, and the handshake
 * runs inside {@link #read} on the selector thread, its delegated tasks on another thread.
 *
 * <pre>
 *   HANDSHAKE ── FINISHED ──▶ OPEN ── peer close_notify / EOF ──▶ INPUT_ENDED
 *      │  ▲                    │
 *      ▼  │ task done          └── a new handshake in TLS 1.2 (renegotiation) ──▶ refused: the read fails
 *   TASKS (input held, the loop reads nothing)
 * </pre>
 *
 * Rules:
 * <ul>
 *   <li>No byte leaves except through {@link SSLEngine#wrap}; files are not sent directly.</li>
 *   <li>Ciphertext is read into one packet-size buffer and only while the caller's buffer has room for
 *       everything it may decrypt to, so no complete record is ever left behind waiting for a socket
 *       event that will not come; what stays is the start of a record whose rest is still on the way.</li>
 *   <li>Plaintext bytes are reported written only once their record is wholly on the socket.</li>
 *   <li>Buffers are let go while the connection waits with nothing pending in them.</li>
 *   <li>After the first handshake, TLS 1.2 renegotiation closes the connection; TLS 1.3 post-handshake
 *       messages (a key update) are answered.</li>
 * </ul>
 */
final class TlsWire implements Wire {
    /** The smallest read buffer the wire accepts: room for more than one whole record of plaintext. */
    static final int MIN_READ_BUFFER = 32 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** The sources of a record that carries no application bytes (handshake, close_notify). */
    private static final ByteBuffer[] NO_PLAINTEXT = {EMPTY};

    /** Where the TLS session stands. */
    enum Stage { HANDSHAKE, TASKS, OPEN, INPUT_ENDED }

    private final SSLEngine engine;
    private final Executor tasks;
    private final Runnable whenTasksDone;
    private final long handshakeDeadline;
    private volatile Stage stage = Stage.HANDSHAKE;
    /** Set once the first handshake finished; stays set. */
    private volatile boolean handshakeDone;
    /** Ciphertext read but not yet unwrapped, in write mode; null while empty and idle. */
    private ByteBuffer netIn;
    /** Ciphertext wrapped but not yet on the socket, in read mode; null while empty and idle. */
    private ByteBuffer netOut;
    /** Plaintext bytes whose record is still partly in {@link #netOut}. */
    private int owed;

    /**
     * @param tasks runs the engine's delegated tasks (never the selector thread)
     * @param whenTasksDone called on the task's thread once they ran; it must make the loop read again
     * @param handshakeDeadline when the handshake must have finished, on the loop's clock
     */
    TlsWire(SSLEngine engine, Executor tasks, Runnable whenTasksDone, long handshakeDeadline) {
        this.engine = engine;
        this.tasks = tasks;
        this.whenTasksDone = whenTasksDone;
        this.handshakeDeadline = handshakeDeadline;
    }

    @Override
    public boolean inputHeld() {
        return stage == Stage.TASKS;
    }

    @Override
    public boolean isSetUp() {
        return handshakeDone;
    }

    @Override
    public long setupDeadline() {
        return handshakeDeadline;
    }

    @Override
    public int read(SocketChannel channel, ByteBuffer dst) throws IOException {
        if (dst.remaining() < MIN_READ_BUFFER) {
            throw new IllegalArgumentException("a TLS read needs a buffer of " + MIN_READ_BUFFER + " bytes");
        }
        int start = dst.position();
        while (true) {
            Stage s = stage;
            if (s == Stage.INPUT_ENDED) {
                return dst.position() > start ? dst.position() - start : -1;
            }
            if (s == Stage.TASKS || !flush(channel)) {
                return dst.position() - start;
            }
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                if (s == Stage.OPEN) {
                    runPostHandshakeTasks();
                    continue;
                }
                runTasks();
                return dst.position() - start;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                wrapHandshake(channel);
                continue;
            }
            if (!unwrapInto(channel, dst, dst.position() > start)) {
                return dst.position() - start;
            }
        }
    }

    /**
     * One unwrap (after reading the socket when a record is incomplete); false when the read must stop
     * here. The engine answers BUFFER_OVERFLOW for a record it cannot size yet (its header incomplete)
     * when less than a whole record's room is left, so an overflow after some plaintext only ends this read.
     */
    private boolean unwrapInto(SocketChannel channel, ByteBuffer dst, boolean produced) throws IOException {
        ByteBuffer in = inputBuffer();
        in.flip();
        SSLEngineResult result;
        try {
            result = engine.unwrap(in, dst);
        } catch (SSLException e) {
            throw alertThenFail(channel, e);
        } finally {
            in.compact();
        }
        afterHandshakeStep(result);
        switch (result.getStatus()) {
            case OK -> {
                return true;
            }
            case CLOSED -> {
                stage = Stage.INPUT_ENDED;
                return true;
            }
            case BUFFER_OVERFLOW -> {
                if (produced) {
                    return false;
                }
                throw new SSLException("a TLS record larger than the read buffer");
            }
            default -> {
                return readSocket(channel, in, dst);
            }
        }
    }

    /** A record is incomplete: reads more ciphertext if the caller's buffer can take all it may decrypt to. */
    private boolean readSocket(SocketChannel channel, ByteBuffer in, ByteBuffer dst) throws IOException {
        int packet = engine.getSession().getPacketBufferSize();
        if (in.capacity() < packet) {
            netIn = ByteBuffer.allocate(packet).put(in.flip());
            in = netIn;
        }
        if (dst.remaining() < in.capacity()) {
            return false;
        }
        int n = channel.read(in);
        if (n < 0) {
            stage = Stage.INPUT_ENDED; // without close_notify: the codec decides whether what came is whole
            return true;
        }
        if (n == 0) {
            releaseIdleBuffers();
            return false;
        }
        return true;
    }

    /**
     * Notes the end of the first handshake, and refuses any later one in TLS 1.2. Closing (a
     * close_notify either way, which TLS 1.2 answers with its own) is not a handshake.
     */
    private void afterHandshakeStep(SSLEngineResult result) throws SSLException {
        HandshakeStatus status = result.getHandshakeStatus();
        if (result.getStatus() == SSLEngineResult.Status.CLOSED || engine.isOutboundDone()) {
            return;
        }
        if (status == HandshakeStatus.FINISHED) {
            if (stage == Stage.HANDSHAKE) {
                stage = Stage.OPEN;
                handshakeDone = true;
            }
            return;
        }
        if (stage == Stage.OPEN && status != HandshakeStatus.NOT_HANDSHAKING
                && !"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLException("TLS renegotiation is refused");
        }
    }

    /**
     * The engine refused the peer (bytes that are not TLS, no common protocol, an ALPN list without
     * {@code http/1.1}): its alert is sent if the socket takes it now, then the read fails.
     */
    private SSLException alertThenFail(SocketChannel channel, SSLException e) {
        try {
            engine.closeOutbound();
            if (flush(channel)) {
                wrap(NO_PLAINTEXT, 1);
                flush(channel);
            }
        } catch (IOException | RuntimeException ignored) {
            // the alert is a courtesy; the connection closes either way
        }
        return e;
    }

    /**
     * A TLS 1.3 post-handshake message (a key update) needs a task: it is small (no signature, no key
     * exchange), so it runs here, whichever thread holds the connection, rather than hand the
     * connection around while a handler may be waiting for input.
     */
    private void runPostHandshakeTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** The first handshake's tasks (key exchange, signatures) run off the selector thread. */
    private void runTasks() {
        Stage before = stage;
        stage = Stage.TASKS;
        tasks.execute(() -> {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
            stage = before;
            whenTasksDone.run();
        });
    }

    /** Wraps the engine's next handshake message (a delegated task's failure shows here). */
    private void wrapHandshake(SocketChannel channel) throws IOException {
        try {
            wrap(NO_PLAINTEXT, 1);
        } catch (SSLException e) {
            throw alertThenFail(channel, e);
        }
    }

    @Override
    public long write(SocketChannel channel, ByteBuffer[] srcs, int count) throws IOException {
        if (!flush(channel)) {
            return 0;
        }
        if (owed > 0) {
            int n = owed;
            owed = 0;
            return n;
        }
        if (!handshakeDone) {
            throw new SSLException("no TLS session to write to: the handshake has not finished");
        }
        while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            wrap(NO_PLAINTEXT, 1);
            if (!flush(channel)) {
                return 0;
            }
        }
        int taken = wrap(srcs, count);
        if (flush(channel)) {
            return taken;
        }
        owed = taken;
        return 0;
    }

    /**
     * Wraps one record gathered from {@code srcs[0, count)} into the outgoing buffer (which is empty);
     * the plaintext taken. The engine reads across the buffers itself, so a body is never copied into
     * one plaintext buffer first.
     */
    private int wrap(ByteBuffer[] srcs, int count) throws IOException {
        int packet = engine.getSession().getPacketBufferSize();
        ByteBuffer out = netOut != null && netOut.capacity() >= packet ? netOut : ByteBuffer.allocate(packet);
        out.clear(); // empty: every caller flushed first
        SSLEngineResult result = engine.wrap(srcs, 0, count, out);
        out.flip();
        netOut = out;
        afterHandshakeStep(result);
        if (result.getStatus() == SSLEngineResult.Status.CLOSED && anyRemaining(srcs, count)) {
            throw new SSLException("the TLS session is closed");
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("a TLS record larger than the session's packet size");
        }
        return result.bytesConsumed();
    }

    private static boolean anyRemaining(ByteBuffer[] srcs, int count) {
        for (int i = 0; i < count; i++) {
            if (srcs[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Writes pending ciphertext; true when none is left. */
    private boolean flush(SocketChannel channel) throws IOException {
        ByteBuffer out = netOut;
        while (out != null && out.hasRemaining()) {
            if (channel.write(out) == 0) {
                return false;
            }
        }
        return true;
    }

    private ByteBuffer inputBuffer() {
        if (netIn == null) {
            netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        }
        return netIn;
    }

    /** The connection waits for the peer: empty buffers are let go until bytes come or go. */
    private void releaseIdleBuffers() {
        if (netIn != null && netIn.position() == 0) {
            netIn = null;
        }
        if (netOut != null && !netOut.hasRemaining()) {
            netOut = null;
        }
    }

    /** TLS must encrypt every byte, so the file goes through {@link #write}. */
    @Override
    public long transferFrom(SocketChannel channel, FileChannel file, long position, long count) {
        return -1;
    }

    /** Sends close_notify, then ends the TCP sending side once it is out. */
    @Override
    public void shutdownOutput(SocketChannel channel) throws IOException {
        engine.closeOutbound();
        if (flush(channel)) {
            wrap(NO_PLAINTEXT, 1);
        }
        if (flush(channel)) {
            channel.shutdownOutput();
        }
    }

    @Override
    public void close(SocketChannel channel) throws IOException {
        netIn = null;
        netOut = null;
        channel.close();
    }
}
