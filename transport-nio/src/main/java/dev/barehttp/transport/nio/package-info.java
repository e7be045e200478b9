/**
 * The NIO transport (name {@code nio}): a few selector threads multiplex non-blocking connections;
 * handlers run off them. Internal: applications select it by having its jar on the class path.
 */
package dev.barehttp.transport.nio;
