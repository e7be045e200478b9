package dev.barehttp.transport.blocking;

import java.util.Collection;

/**
 * Closes connections whose peer has taken no output for the write timeout. A blocking socket
 * write has no timeout of its own, so a thread looks at every connection a few times per timeout.
 */
final class WriteWatchdog implements Runnable {
    private static final long MIN_TICK_MILLIS = 10;
    private static final long MAX_TICK_MILLIS = 1_000;

    private final Collection<BlockingConnection> connections;
    private final long tickMillis;
    private final Thread thread;

    /** A watchdog over {@code connections} (not started). */
    WriteWatchdog(Collection<BlockingConnection> connections, long writeTimeoutMillis) {
        this.connections = connections;
        this.tickMillis = Math.max(MIN_TICK_MILLIS, Math.min(MAX_TICK_MILLIS, writeTimeoutMillis / 4));
        this.thread = new Thread(this, "barehttp-write-watchdog");
        this.thread.setDaemon(true);
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
                }
            }
        }
    }
}
