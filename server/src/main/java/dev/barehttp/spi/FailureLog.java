package dev.barehttp.spi;

/**
 * How a server thread reports a failure it survives: through {@link System.Logger} at WARNING, at most
 * once per second per log (the rest are counted and the count is reported with the next line), and
 * never letting the logging itself (which may fail when the process is out of file descriptors or
 * memory) take the thread down. Thread-safe.
 */
public final class FailureLog {
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final System.Logger logger;
    private long lastAt = System.nanoTime() - MIN_INTERVAL_NANOS;
    private long suppressed;

    /** A failure log writing to {@code logger}. */
    public FailureLog(System.Logger logger) {
        this.logger = logger;
    }

    /** Logs {@code what} with its cause, unless a line was logged less than a second ago. */
    public void log(String what, Throwable cause) {
        long skipped;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - lastAt < MIN_INTERVAL_NANOS) {
                suppressed++;
                return;
            }
            lastAt = now;
            skipped = suppressed;
            suppressed = 0;
        }
        try {
            logger.log(System.Logger.Level.WARNING, skipped == 0 ? what
                    : what + " (" + skipped + " similar failures not logged)", cause);
        } catch (Throwable ignored) {
            // Nothing is left to report with; the thread must go on.
        }
    }
}
