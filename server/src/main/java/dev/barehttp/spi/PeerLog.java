package dev.barehttp.spi;

import java.util.function.Supplier;

/**
 * How what peers do is logged (protocol errors, timeouts, resets): at DEBUG, one line without a
 * stack trace, at most {@link #LINES_PER_SECOND} lines a second for the whole server, the rest counted
 * and reported with the next line, so that a client cannot turn its bad bytes into a log flood.
 * Thread-safe; costs nothing while DEBUG is off.
 */
final class PeerLog {
    static final int LINES_PER_SECOND = 20;
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final long SECOND_NANOS = 1_000_000_000L;

    private static long windowStart = System.nanoTime();
    private static int linesInWindow;
    private static long suppressed;

    private PeerLog() {
    }

    /** Logs the line {@code what} gives, unless this second's budget is spent. */
    static void debug(Supplier<String> what) {
        if (!LOG.isLoggable(System.Logger.Level.DEBUG)) {
            return;
        }
        long skipped;
        synchronized (PeerLog.class) {
            long now = System.nanoTime();
            if (now - windowStart >= SECOND_NANOS) {
                windowStart = now;
                linesInWindow = 0;
            }
            if (++linesInWindow > LINES_PER_SECOND) {
                suppressed++;
                return;
            }
            skipped = suppressed;
            suppressed = 0;
        }
        String line = what.get();
        LOG.log(System.Logger.Level.DEBUG, skipped == 0 ? line : line + " (" + skipped + " earlier lines not logged)");
    }
}
