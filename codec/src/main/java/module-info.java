/**
 * barehttp's sans-I/O HTTP/1.1 codec: bytes in, events out; messages in, bytes out. No sockets,
 * no threads, no dependencies; for library authors who drive it from their own I/O.
 */
module dev.barehttp.codec {
    exports dev.barehttp.codec;
}
