/**
 * The transport test kit: one transport-agnostic suite over real loopback sockets. A transport is
 * done when every kit is green on it.
 *
 * <p>Each kit is an abstract JUnit class; a transport module runs it with a subclass in its test
 * sources that names the transport, and puts this module on its test class path:
 *
 * <pre>{@code
 * class BlockingRawExchangeTest extends RawExchangeKit {
 *     protected String transportName() { return "blocking"; }
 * }
 * }</pre>
 *
 * <table>
 *   <caption>The kits</caption>
 *   <tr><th>kit</th><th>what it checks</th></tr>
 *   <tr><td>{@link dev.barehttp.tck.RawExchangeKit}</td><td>byte-exact exchanges: persistence for 1.0 and
 *       1.1, pipelining, HEAD, 204/304, chunked bodies both ways with trailers, 100-continue, file bodies,
 *       unread bodies, 400/501/505 then close, handler and stream failures, concurrent clients</td></tr>
 *   <tr><td>{@link dev.barehttp.tck.LimitsKit}</td><td>413, 414, 431, 408 (head and body), idle and write
 *       timeouts, the connection limit's 503</td></tr>
 *   <tr><td>{@link dev.barehttp.tck.ShutdownKit}</td><td>graceful close with a request in flight, idle
 *       connections closed at once, the grace period enforced, a taken port, closing twice</td></tr>
 *   <tr><td>{@link dev.barehttp.tck.HttpClientKit}</td><td>{@code java.net.http.HttpClient}: every method,
 *       100 MiB each way checked by SHA-256 (run it with a small heap, e.g. {@code -Xmx96m}, so that
 *       buffering a body fails)</td></tr>
 *   <tr><td>{@link dev.barehttp.tck.TlsKit}</td><td>https with a self-signed certificate made by
 *       {@code keytool}: exchanges, streamed bodies, plain text on a TLS port</td></tr>
 * </table>
 *
 * <p>{@link dev.barehttp.tck.TransportKit#configure} lets a transport add its options to every server.
 * Every socket read of the kit's clients has a timeout, so a hang fails a test instead of the build.
 */
package dev.barehttp.tck;
