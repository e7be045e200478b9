package dev.barehttp.transport.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionThreadsTest {

    private static Thread threadOf(ExecutorService threads) throws Exception {
        try {
            return threads.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
        } finally {
            threads.shutdown();
            assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    /** Java 21+: connections run on virtual threads, found at run time. */
    @Test
    void virtualThreadsAreUsedWhenTheJvmHasThem() throws Exception {
        assumeTrue(ConnectionThreads.virtualThreadsAvailable(), "this JVM has no virtual threads");
        Thread t = threadOf(ConnectionThreads.create(true, 4));
        assertTrue((Boolean) Thread.class.getMethod("isVirtual").invoke(t), t.toString());
    }

    /** Java 17, or virtual threads turned off: a pool of platform threads bounded by the connection limit. */
    @Test
    void platformPoolIsBoundedByTheConnectionLimit() throws Exception {
        ExecutorService threads = ConnectionThreads.create(false, 3);
        assertTrue(threads instanceof ThreadPoolExecutor);
        ThreadPoolExecutor pool = (ThreadPoolExecutor) threads;
        assertEquals(3, pool.getMaximumPoolSize());
        assertEquals(0, pool.getPoolSize(), "threads must start only when connections arrive");
        Thread t = threadOf(threads);
        assertTrue(t.getName().startsWith("barehttp-"), t.getName());
        assertTrue(t.isDaemon());
    }

    /** The fallback works on every JVM: without virtual threads, asking for them gives the pool. */
    @Test
    void withoutVirtualThreadsThePoolIsTheFallback() throws Exception {
        assumeTrue(!ConnectionThreads.virtualThreadsAvailable(), "this JVM has virtual threads");
        ExecutorService threads = ConnectionThreads.create(true, 2);
        assertTrue(threads instanceof ThreadPoolExecutor);
        assertFalse(threadOf(threads).getName().isEmpty());
    }
}
