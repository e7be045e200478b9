/**
 * For library authors: the sans-I/O HTTP/1.1 codec. {@link dev.barehttp.codec.ServerConnection}
 * turns received bytes into request events and encodes responses;
 * {@link dev.barehttp.codec.ClientConnection} encodes requests and turns received bytes into
 * response events, from the same readers and rules. Neither touches a socket or a
 * thread, so any I/O layer (a proxy, a test tool, another event loop) can drive them. Every limit
 * and timeout is in {@link dev.barehttp.codec.HttpConfig}; every error in the peer's bytes is an
 * {@link dev.barehttp.codec.HttpProtocolException} carrying its status.
 */
package dev.barehttp.codec;
