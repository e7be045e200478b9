package dev.barehttp.tck.memory;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * One direction of an in-memory connection: a bounded ring of bytes. A writer blocks while it is
 * full (backpressure, as a socket buffer gives), a reader while it is empty; both with timeouts.
 * Closing the writing end is the end of input; a reset makes both ends fail.
 */
final class BytePipe {
    private final byte[] ring;
    private int head;
    private int size;
    private boolean writeClosed;
    private boolean reset;

    BytePipe(int capacity) {
        this.ring = new byte[capacity];
    }

    /** Writes all of {@code b[off, off+len)}; throws when no byte could be written for {@code timeoutMillis} (0: forever). */
    synchronized void write(byte[] b, int off, int len, long timeoutMillis) throws IOException {
        while (len > 0) {
            long waitUntil = timeoutMillis > 0 ? System.currentTimeMillis() + timeoutMillis : Long.MAX_VALUE;
            while (size == ring.length && !reset && !writeClosed) {
                long left = waitUntil - System.currentTimeMillis();
                if (left <= 0) {
                    throw new SocketTimeoutException("the peer took no bytes for " + timeoutMillis + " ms");
                }
                await(left);
            }
            if (reset || writeClosed) {
                throw new SocketException("the connection is closed");
            }
            int n = Math.min(len, ring.length - size);
            for (int i = 0; i < n; i++) {
                ring[(head + size + i) % ring.length] = b[off + i];
            }
            size += n;
            off += n;
            len -= n;
            notifyAll();
        }
    }

    /** Reads what is there (waiting up to {@code timeoutMillis}, 0: forever): the count, or -1 at the end of input. */
    synchronized int read(byte[] b, int off, int len, long timeoutMillis) throws IOException {
        long waitUntil = timeoutMillis > 0 ? System.currentTimeMillis() + timeoutMillis : Long.MAX_VALUE;
        while (size == 0 && !writeClosed && !reset) {
            long left = waitUntil - System.currentTimeMillis();
            if (left <= 0) {
                throw new SocketTimeoutException("no bytes for " + timeoutMillis + " ms");
            }
            await(left);
        }
        if (reset) {
            throw new SocketException("the connection was reset");
        }
        if (size == 0) {
            return -1;
        }
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) {
            b[off + i] = ring[(head + i) % ring.length];
        }
        head = (head + n) % ring.length;
        size -= n;
        notifyAll();
        return n;
    }

    /** The writer is done: the reader gets the end of input once it has read what is left. */
    synchronized void closeWrite() {
        writeClosed = true;
        notifyAll();
    }

    /** Both ends fail from now on. */
    synchronized void reset() {
        reset = true;
        notifyAll();
    }

    private void await(long millis) throws IOException {
        try {
            wait(Math.min(millis, 1_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }
}
