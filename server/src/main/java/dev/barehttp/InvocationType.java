package dev.barehttp;

/**
 * Whether a {@link Handler} or a {@link Filter} may block the thread that runs it, as declared by the
 * application. The server consults it from the request head, before anything runs, and picks the
 * thread from the answer:
 *
 * <ul>
 *   <li>{@link #BLOCKING}, the default of every handler and filter: it runs on a thread that may block
 *       (a virtual thread where the JVM has them). Always safe.</li>
 *   <li>{@link #NON_BLOCKING}: it promises to never block, so a transport may run it on one of its own
 *       threads that multiplex many connections (the {@code nio} selector threads), which saves a thread
 *       hop per request. A transport that runs each connection on its own thread ({@code blocking}) runs
 *       it there, as any other handler.</li>
 * </ul>
 *
 * <p>Blocking means waiting: sleeping, blocking I/O (files, sockets, a database, a logger that writes to
 * a console or a file), a lock held by slow code, a queue or a future. A handler declared
 * {@code NON_BLOCKING} that blocks anyway stalls every connection of its selector thread while it waits;
 * long CPU work delays them too. Reading the request body is not blocking here: a request runs on a
 * selector thread only when its head and its whole body have arrived. A response with a streamed body, a
 * file or a protocol switch from such a handler is written from a thread that may block, so its writer
 * may block even when the handler does not.
 *
 * <p>A handler wrapped by filters is {@code NON_BLOCKING} only when it and every filter around it are
 * (the router's filters included): {@link #and} combines them. This is the choice of Jetty's
 * {@code InvocationType} and of Vert.x's event-loop and worker handlers, reduced to the two cases that
 * decide a thread.
 */
public enum InvocationType {
    /** May block the thread that runs it: runs on a thread that may block (the default). */
    BLOCKING,
    /** Never blocks: may run on a transport's own thread, such as a selector thread. */
    NON_BLOCKING;

    /** {@link #NON_BLOCKING} when both this and {@code inner} are, else {@link #BLOCKING}. */
    public InvocationType and(InvocationType inner) {
        return this == NON_BLOCKING && inner == NON_BLOCKING ? NON_BLOCKING : BLOCKING;
    }
}
