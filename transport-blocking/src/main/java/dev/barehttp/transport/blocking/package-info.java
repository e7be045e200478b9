/**
 * The blocking transport: a {@link java.net.ServerSocket}, an acceptor thread, and one thread per
 * connection (virtual threads on Java 21+, a bounded pool of platform threads on Java 17). Select it
 * with {@code HttpServer.builder().transport("blocking")}.
 */
package dev.barehttp.transport.blocking;
