package dev.barehttp.transport.blocking;

import dev.barehttp.spi.DriverSettings;
import dev.barehttp.spi.ServerSettings;
import java.util.Collection;

/**
 * The timer of every connection of a server: one thread that looks at each connection every tick and
 * enforces the deadlines that a blocking socket call cannot enforce without a timer of its own.
 *
 * <ul>
 *   <li>A write blocked past the write inactivity timeout (the peer takes no output): the connection
 *       is closed ({@link BlockingConnection#writeStalled}). A socket write has no timeout at all.</li>
 *   <li>A read blocked past the driver's deadline: the deadline is reported to the driver while the
 *       connection's thread waits, and when the driver wants no more input the read is ended
 *       ({@link BlockingConnection#readDeadlinePassed}). Reads then need no socket timeout, which on
 *       virtual threads arms and cancels a JDK timer for every read that waits.</li>
 * </ul>
 *
 * <p>The tick is a quarter of the shortest timeout in force (the codec's head, idle, body and drain
 * timeouts, the write timeout, the linger time and the buffer trim delay), at least 10 ms and at most
 * 1 s: a deadline is enforced up to one tick late. The buffer trim delay is always in force, so the
 * watchdog always runs.
 */
final class Watchdog implements Runnable {
    private static final long MIN_TICK_MILLIS = 10;
    private static final long MAX_TICK_MILLIS = 1_000;

    private final Collection<BlockingConnection> connections;
    private final long tickMillis;
    private final Thread thread;

    /** A watchdog over {@code connections} (not started), ticking for the timeouts of {@code settings}. */
    Watchdog(Collection<BlockingConnection> connections, ServerSettings settings, DriverSettings driverSettings) {
        this.connections = connections;
        this.tickMillis = tickMillis(settings, driverSettings);
        this.thread = new Thread(this, "barehttp-watchdog");
        this.thread.setDaemon(true);
    }

    /** A quarter of the shortest timeout in force, clamped to [10 ms, 1 s]. */
    static long tickMillis(ServerSettings settings, DriverSettings driverSettings) {
        var c = settings.config();
        long shortest = Long.MAX_VALUE;
        for (long t : new long[] {c.headTimeoutMillis(), c.idleTimeoutMillis(), c.bodyTimeoutMillis(),
                c.drainTimeoutMillis(), c.writeTimeoutMillis(), driverSettings.lingerMillis(),
                driverSettings.trimDelayMillis()}) {
            if (t > 0) {
                shortest = Math.min(shortest, t);
            }
        }
        return Math.max(MIN_TICK_MILLIS, Math.min(MAX_TICK_MILLIS, shortest / 4));
    }

    void start() {
        thread.start();
    }

    /** Stops the watchdog and waits for its thread to end. */
    void stop() {
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = BlockingConnection.now();
            for (BlockingConnection c : connections) {
                if (c.writeStalled(now)) {
                    c.forceClose();
                } else {
                    c.readDeadlinePassed(now);
                }
            }
        }
    }
}
