package dev.barehttp.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encoded bytes waiting for the transport: {@code array[start, end)}, growing as needed, with the
 * caller's buffers spliced in by reference (a body that is not copied). Bytes written after
 * {@link #hold()} stay invisible to the transport until {@link #release()}, so a response head is
 * never sent half-built.
 *
 * <p>The waiting output is a sequence of segments: runs of {@code array} and referenced buffers.
 * A reference records where in {@code array} it is spliced ({@code at}: before {@code array[at]}), so
 * the order is: {@code array[start, ref0.at)}, ref0, {@code array[ref0.at, ref1.at)}, ref1, ...,
 * {@code array[last.at, end)}. No reference is added while bytes are held, so every reference is
 * visible.
 */
final class OutputBuffer {
    /**
     * Buffers with fewer bytes are copied rather than queued by reference: below this a copy costs less
     * than one more segment in a gathering write (and than the object that records it).
     */
    static final int COPY_BELOW = 512;

    private static final byte[] NONE = new byte[0];
    private static final Ref[] NO_REFS = new Ref[0];
    private static final ByteBuffer[] NO_VIEWS = new ByteBuffer[0];
    private static final int FIRST_CAPACITY = 512;
    private static final int KEEP_CAPACITY = 64 * 1024;
    /** 10^0 .. 10^18, every power of ten a long holds: {@code v} has d digits when it is below {@code POWERS_OF_TEN[d]}. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] array = NONE;
    private int start;
    private int end;
    private int hold = -1;
    /** Bytes handed to the transport and consumed since the buffer was made. */
    private long consumedTotal;

    /** The buffers queued by reference, in order: {@code refs[firstRef, firstRef + refCount)}; slots are reused. */
    private Ref[] refs = NO_REFS;
    private int firstRef;
    private int refCount;
    /** The bytes of the queued references not yet consumed. */
    private int refBytes;
    /** One buffer over {@code array} per run a gathering write may need, remade when {@code array} changes. */
    private ByteBuffer[] runViews = NO_VIEWS;
    private byte[] runViewsArray;

    /** A caller's buffer queued by reference. */
    private static final class Ref {
        /** A duplicate of the caller's buffer: its position and limit are the codec's own. */
        ByteBuffer buffer;
        /** Where in {@code array} it is spliced: before {@code array[at]}. */
        int at;
        int position;
        int limit;
        /** Its first byte's place in the stream of every byte ever put ({@link #mark()} when it was queued). */
        long streamPosition;

        int remaining() {
            return limit - position;
        }
    }

    /** The bytes the transport may write now. */
    int size() {
        return visibleEnd() - start + refBytes;
    }

    /** True when no byte is held, pending or queued by reference: the buffer may be dropped. */
    boolean isEmpty() {
        return start == end && refCount == 0;
    }

    private int visibleEnd() {
        return hold >= 0 ? hold : end;
    }

    /** Hides what is written from now on, until {@link #release()}. */
    void hold() {
        if (hold < 0) {
            hold = end;
        }
    }

    /** Makes every written byte visible. */
    void release() {
        hold = -1;
    }

    /**
     * A view of all the pending bytes; valid until the next write into this buffer. Buffers queued by
     * reference are first copied into the array, so that one buffer holds everything.
     */
    ByteBuffer view() {
        if (refCount > 0) {
            flatten();
        }
        return ByteBuffer.wrap(array, start, size());
    }

    /** Copies every referenced buffer into a new array, in order, held bytes included. */
    private void flatten() {
        int visible = size();
        int held = end - visibleEnd();
        byte[] flat = new byte[Math.max(FIRST_CAPACITY, visible + held)];
        int w = 0;
        int p = start;
        for (int i = 0; i < refCount; i++) {
            Ref r = refs[firstRef + i];
            System.arraycopy(array, p, flat, w, r.at - p);
            w += r.at - p;
            p = r.at;
            r.buffer.get(r.position, flat, w, r.remaining());
            w += r.remaining();
        }
        System.arraycopy(array, p, flat, w, end - p);
        clearRefs();
        forgetRunViews();
        hold = hold >= 0 ? visible : -1;
        array = flat;
        start = 0;
        end = visible + held;
    }

    /**
     * Puts the pending output into {@code dst[0, k)} for a gathering write, in order, and returns
     * {@code k}: at most {@code dst.length} buffers, 0 when nothing is pending. The buffers are this
     * buffer's own, valid until the next put or consume; a write may advance their positions, and
     * {@link #consume} then says how many bytes left.
     */
    int gather(ByteBuffer[] dst) {
        int k = 0;
        int runs = 0;
        int p = start;
        for (int i = 0; i < refCount && k < dst.length; i++) {
            Ref r = refs[firstRef + i];
            if (p < r.at) {
                dst[k++] = runView(runs++, p, r.at);
                p = r.at;
                if (k == dst.length) {
                    return k;
                }
            }
            dst[k++] = r.buffer.limit(r.limit).position(r.position);
        }
        int visibleEnd = visibleEnd();
        if (k < dst.length && p < visibleEnd) {
            dst[k++] = runView(runs, p, visibleEnd);
        }
        return k;
    }

    /** Lets the buffers over a dropped array go, so that they do not keep it alive. */
    private void forgetRunViews() {
        Arrays.fill(runViews, null);
        runViewsArray = null;
    }

    private ByteBuffer runView(int run, int from, int to) {
        if (runViewsArray != array) {
            forgetRunViews();
            runViewsArray = array;
        }
        if (run >= runViews.length) {
            runViews = Arrays.copyOf(runViews, Math.max(4, run * 2));
        }
        if (runViews[run] == null) {
            runViews[run] = ByteBuffer.wrap(array);
        }
        return runViews[run].limit(to).position(from);
    }

    /**
     * Hands every pending byte to {@code sink}, segment by segment, then consumes them; a referenced
     * buffer without an accessible array goes through a small copy.
     */
    void writeTo(ServerConnection.OutputSink sink) throws java.io.IOException {
        int n = size();
        int p = start;
        byte[] scratch = null;
        for (int i = 0; i < refCount; i++) {
            Ref r = refs[firstRef + i];
            if (p < r.at) {
                sink.write(array, p, r.at - p);
                p = r.at;
            }
            ByteBuffer b = r.buffer;
            if (b.hasArray()) {
                sink.write(b.array(), b.arrayOffset() + r.position, r.remaining());
                continue;
            }
            if (scratch == null) {
                scratch = new byte[Math.min(8192, r.remaining())];
            }
            for (int from = r.position; from < r.limit; from += scratch.length) {
                int len = Math.min(scratch.length, r.limit - from);
                b.get(from, scratch, 0, len);
                sink.write(scratch, 0, len);
            }
        }
        if (p < visibleEnd()) {
            sink.write(array, p, visibleEnd() - p);
        }
        consume(n);
    }

    byte[] array() {
        return array;
    }

    int start() {
        return start;
    }

    /** Drops the first {@code n} pending bytes, across segments. */
    void consume(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("cannot consume " + n + " of " + size() + " pending bytes");
        }
        consumedTotal += n;
        if (refCount == 0) {
            start += n;
        } else {
            consumeSegments(n);
        }
        if (start == end && refCount == 0) {
            start = 0;
            end = 0;
            hold = hold >= 0 ? 0 : -1;
            if (array.length > KEEP_CAPACITY) {
                array = NONE;
                forgetRunViews();
            }
        }
    }

    private void consumeSegments(int n) {
        while (n > 0) {
            int runEnd = refCount > 0 ? refs[firstRef].at : visibleEnd();
            if (start < runEnd) {
                int k = Math.min(n, runEnd - start);
                start += k;
                n -= k;
                continue;
            }
            Ref r = refs[firstRef];
            int k = Math.min(n, r.remaining());
            r.position += k;
            refBytes -= k;
            n -= k;
            if (r.remaining() == 0) {
                r.buffer = null;
                firstRef++;
                if (--refCount == 0) {
                    firstRef = 0;
                }
            }
        }
    }

    /** A position in the stream of every byte ever put, for {@link #truncateTo}. */
    long mark() {
        return consumedTotal + (end - start) + refBytes;
    }

    /** True when no byte put after {@code mark} has been consumed yet. */
    boolean unsentSince(long mark) {
        return consumedTotal <= mark;
    }

    /** Forgets every byte put after {@code mark} (none of which was consumed), and any hold. */
    void truncateTo(long mark) {
        if (!unsentSince(mark) || mark > mark()) {
            throw new IllegalStateException("cannot take back bytes already consumed");
        }
        while (refCount > 0 && refs[firstRef + refCount - 1].streamPosition >= mark) {
            Ref r = refs[firstRef + refCount - 1];
            refBytes -= r.remaining();
            r.buffer = null;
            refCount--;
        }
        if (refCount == 0) {
            firstRef = 0;
        }
        end = start + (int) (mark - consumedTotal - refBytes);
        hold = -1;
    }

    private void clearRefs() {
        for (int i = 0; i < refCount; i++) {
            refs[firstRef + i].buffer = null;
        }
        firstRef = 0;
        refCount = 0;
        refBytes = 0;
    }

    void trim() {
        if (start == end && refCount == 0) {
            array = NONE;
            refs = NO_REFS;
            runViews = NO_VIEWS;
            runViewsArray = null;
            start = 0;
            end = 0;
            hold = hold >= 0 ? 0 : -1;
        }
    }

    void put(byte b) {
        ensure(1);
        array[end++] = b;
    }

    void put(byte[] src) {
        put(src, 0, src.length);
    }

    void put(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, array, end, len);
        end += len;
    }

    /** Copies the remaining bytes of {@code src}, advancing its position to its limit. */
    void put(ByteBuffer src) {
        int len = src.remaining();
        ensure(len);
        src.get(array, end, len);
        end += len;
    }

    /**
     * Queues the remaining bytes of {@code src} by reference (copied when fewer than
     * {@link #COPY_BELOW}) and advances its position to its limit: the codec keeps a duplicate, so the
     * caller's position and limit are its own again, but its bytes must stay as they are until consumed.
     */
    void putReference(ByteBuffer src) {
        int len = src.remaining();
        if (len < COPY_BELOW) {
            put(src);
            return;
        }
        if (hold >= 0) {
            throw new IllegalStateException("a buffer queued by reference while bytes are held back");
        }
        Math.addExact(size(), len); // the pending output must stay countable in an int
        Ref r = addRef();
        r.buffer = src.duplicate();
        r.position = src.position();
        r.limit = src.limit();
        r.at = end;
        r.streamPosition = mark();
        refBytes += len;
        src.position(src.limit());
    }

    private Ref addRef() {
        int slot = firstRef + refCount;
        if (slot == refs.length) {
            if (firstRef > 0) {
                // move the live slots to the front, the spent ones behind them, keeping every object
                Ref[] moved = new Ref[refs.length];
                System.arraycopy(refs, firstRef, moved, 0, refCount);
                System.arraycopy(refs, 0, moved, refCount, firstRef);
                refs = moved;
                firstRef = 0;
                slot = refCount;
            } else {
                refs = Arrays.copyOf(refs, Math.max(4, refs.length * 2));
            }
        }
        if (refs[slot] == null) {
            refs[slot] = new Ref();
        }
        refCount++;
        return refs[slot];
    }

    /** Characters 0-255 as single bytes; callers have validated that no other character occurs. */
    void putLatin1(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, array, end);
        end += n;
    }

    void crlf() {
        ensure(2);
        array[end++] = '\r';
        array[end++] = '\n';
    }

    /** A non-negative number in decimal, written digit by digit (no intermediate string). */
    void putDecimal(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && v >= POWERS_OF_TEN[digits]) {
            digits++;
        }
        ensure(digits);
        int i = end + digits;
        // 64-bit division is several times slower than 32-bit: only the digits above int range take it.
        while (v > Integer.MAX_VALUE) {
            array[--i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int n = (int) v; i > end; n /= 10) {
            array[--i] = (byte) ('0' + n % 10);
        }
        end += digits;
    }

    void putHex(long v) {
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) / 4);
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            array[end++] = HEX[(int) (v >>> (4 * i)) & 0xF];
        }
    }

    /**
     * {@code HTTP/1.1 <status> <reason> CRLF}: the prepared line of a standard code when {@code reason}
     * is null, else built here (an empty reason for a code RFC 9110 does not name). The reason is
     * validated by the caller.
     */
    void putStatusLine(int status, String reason) {
        byte[] line = reason == null ? StatusReasons.statusLine(status) : null;
        if (line != null) {
            put(line);
            return;
        }
        putLatin1("HTTP/1.1 ");
        putDecimal(status);
        put((byte) ' ');
        putLatin1(reason == null ? StatusReasons.of(status) : reason);
        crlf();
    }

    /** name ": " value CRLF. */
    void field(String name, String value) {
        putLatin1(name);
        ensure(2);
        array[end++] = ':';
        array[end++] = ' ';
        putLatin1(value);
        crlf();
    }

    private void ensure(int n) {
        if (array.length - end >= n) {
            return;
        }
        int size = end - start; // held bytes included
        if (start > 0 && array.length - size >= n) {
            System.arraycopy(array, start, array, 0, size);
        } else {
            int capacity = Math.max(FIRST_CAPACITY, array.length);
            while (capacity - size < n) {
                capacity = Math.multiplyExact(capacity, 2);
            }
            array = start == 0 ? Arrays.copyOf(array, capacity) : copyFrom(capacity, size);
        }
        if (start > 0) {
            if (hold >= 0) {
                hold -= start;
            }
            for (int i = 0; i < refCount; i++) {
                refs[firstRef + i].at -= start;
            }
            start = 0;
            end = size;
        }
    }

    private byte[] copyFrom(int capacity, int size) {
        byte[] grown = new byte[capacity];
        System.arraycopy(array, start, grown, 0, size);
        return grown;
    }
}
