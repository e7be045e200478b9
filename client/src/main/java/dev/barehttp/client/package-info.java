/**
 * For applications and tests that call HTTP/1.1 servers: {@link dev.barehttp.client.HttpClient}
 * sends requests over one kept-alive connection and reads whole or streamed responses. It does no
 * parsing of its own; framing, persistence, {@code Expect: 100-continue} and every check of the
 * server's bytes come from {@link dev.barehttp.codec.ClientConnection}.
 */
package dev.barehttp.client;
