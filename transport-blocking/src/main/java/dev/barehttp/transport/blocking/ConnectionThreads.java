package dev.barehttp.transport.blocking;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that serve connections: one virtual thread per connection when the running JVM has
 * them (Java 21+), otherwise a pool of platform threads that grows only when every thread is busy,
 * bounded by the connection limit, whose idle threads end after 30 seconds.
 *
 * <p>Virtual threads are looked up at run time, so the transport compiles for Java 17 and still
 * runs there.
 */
final class ConnectionThreads {
    private static final long POOL_KEEP_ALIVE_SECONDS = 30;

    private ConnectionThreads() {
    }

    /**
     * An executor with a thread per task.
     *
     * @param preferVirtual use virtual threads when the JVM has them
     * @param maxThreads the bound of the platform-thread pool (threads are started only when needed)
     */
    static ExecutorService create(boolean preferVirtual, int maxThreads) {
        if (preferVirtual) {
            ExecutorService virtual = virtualThreadPerTask();
            if (virtual != null) {
                return virtual;
            }
        }
        // No core threads and a hand-off queue: a task goes to an idle thread when there is one, and a
        // thread is started only when every thread is busy; idle ones end after the keep-alive.
        return new ThreadPoolExecutor(0, maxThreads, POOL_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), platformThreads());
    }

    /** True when {@link #create} would give virtual threads on this JVM. */
    static boolean virtualThreadsAvailable() {
        try {
            Thread.class.getMethod("ofVirtual");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("barehttp-", 0).factory())}, or null. */
    private static ExecutorService virtualThreadPerTask() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "barehttp-", 0L);
            ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
            return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                    .invoke(null, factory);
        } catch (NoSuchMethodException | ClassNotFoundException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("virtual threads exist but could not be created", e);
        }
    }

    private static ThreadFactory platformThreads() {
        AtomicLong counter = new AtomicLong();
        return task -> {
            Thread t = new Thread(task, "barehttp-" + counter.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
