package dev.barehttp.transport.nio;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where handlers run when they run off the selector threads: a new virtual thread per dispatch on
 * Java 21+ (looked up at run time, so the module compiles for Java 17), else a bounded pool of
 * platform threads. Counts the runs in progress so that shutdown can wait for them.
 */
final class HandlerThreads {
    private final ThreadFactory virtualThreads;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger running = new AtomicInteger();
    private final Object idle = new Object();

    private HandlerThreads(ThreadFactory virtualThreads, ThreadPoolExecutor pool) {
        this.virtualThreads = virtualThreads;
        this.pool = pool;
    }

    /** Virtual threads when asked for and available, else a pool of {@code poolSize} daemon threads. */
    static HandlerThreads create(boolean preferVirtual, int poolSize) {
        ThreadFactory virtual = preferVirtual ? virtualThreadFactory() : null;
        if (virtual != null) {
            return new HandlerThreads(virtual, null);
        }
        AtomicInteger n = new AtomicInteger();
        int first = Math.min(poolSize, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(first, poolSize, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "barehttp-nio-handler-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return new HandlerThreads(null, pool);
    }

    /** {@code Thread.ofVirtual().name(...).factory()}, or null before Java 21. */
    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, "barehttp-nio-handler-", 1L);
            return (ThreadFactory) ofVirtual.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** True when handlers run on virtual threads. */
    boolean virtual() {
        return virtualThreads != null;
    }

    /** Runs {@code task} on a handler thread. */
    void execute(Runnable task) {
        int busy = running.incrementAndGet();
        if (pool != null && busy > pool.getCorePoolSize() && busy <= pool.getMaximumPoolSize()) {
            // A pool adds a thread per task until it reaches its core size, even when threads are
            // idle; growing the core only when every thread is busy keeps the pool as small as the load.
            pool.setCorePoolSize(busy);
        }
        Runnable counted = () -> {
            try {
                task.run();
            } finally {
                if (running.decrementAndGet() == 0) {
                    synchronized (idle) {
                        idle.notifyAll();
                    }
                }
            }
        };
        try {
            if (virtualThreads != null) {
                virtualThreads.newThread(counted).start();
            } else {
                pool.execute(counted);
            }
        } catch (RuntimeException e) {
            running.decrementAndGet();
            throw e;
        }
    }

    /** Waits up to {@code millis} for every run to finish; true when none is left. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (idle) {
            while (running.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                idle.wait(left);
            }
        }
        return true;
    }

    /** Stops the pool's threads (virtual threads end with their runs). */
    void shutdown() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
