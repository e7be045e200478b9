/**
 * Testing an application without a socket or a thread: {@link dev.barehttp.testing.TestClient} sends
 * requests through the client codec, the server's {@link dev.barehttp.spi.ConnectionDriver} and the
 * handler, all on the calling thread, and decodes the answers into
 * {@link dev.barehttp.testing.TestResponse}s.
 *
 * <pre>{@code
 * TestClient client = TestClient.of(router);
 * TestResponse response = client.get("/users/1");
 * assertEquals(200, response.status());
 * }</pre>
 */
package dev.barehttp.testing;
