package dev.barehttp.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.HttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * What every kit shares: the transport under test, servers started on a free loopback port and
 * closed after each test, and raw clients.
 */
@Timeout(30)
public abstract class TransportKit {
    /** The application served by every server the test starts. */
    protected final KitHandler handler = new KitHandler(handlersDeclareNonBlocking());
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<RawClient> clients = new ArrayList<>();

    /** The transport under test, as given to {@link HttpServer.Builder#transport(String)}. */
    protected abstract String transportName();

    /**
     * Whether the kit's {@link KitHandler} declares its routes non-blocking (all but {@code /slow}); false
     * by default. Called while the kit is constructed, so an override returns a constant.
     */
    protected boolean handlersDeclareNonBlocking() {
        return false;
    }

    /**
     * Whether the kit runs over TLS: its servers serve {@link TestCertificate} and its clients trust it
     * ({@link TlsClients}). False by default; a transport's TLS run of a kit says true.
     */
    protected boolean overTls() {
        return false;
    }

    /** A hook for transport options every server of the kit gets: the test certificate over TLS, else none. */
    protected HttpServer.Builder configure(HttpServer.Builder builder) {
        return overTls() ? TlsClients.withTestCertificate(builder) : builder;
    }

    /** Starts a server with the defaults. */
    protected HttpServer start() throws IOException {
        return start(UnaryOperator.identity());
    }

    /** Starts a server on 127.0.0.1 and a free port, after {@code settings} adjusted the builder. */
    protected HttpServer start(UnaryOperator<HttpServer.Builder> settings) throws IOException {
        HttpServer.Builder builder = HttpServer.builder().transport(transportName()).host("127.0.0.1").port(0)
                .handler(handler);
        HttpServer server = settings.apply(configure(builder)).start();
        servers.add(server);
        return server;
    }

    /** A raw client connected to {@code server}, closed after the test. */
    protected RawClient connect(HttpServer server) throws IOException {
        return connect(server, 0);
    }

    /**
     * A raw client connected to {@code server} whose receive buffer holds about {@code receiveBufferSize}
     * bytes (0: the default), closed after the test.
     */
    protected RawClient connect(HttpServer server, int receiveBufferSize) throws IOException {
        RawClient client = openClient(server.port(), receiveBufferSize);
        clients.add(client);
        return client;
    }

    /**
     * Opens a client to the server on {@code port}: a loopback socket (a TLS one when {@link #overTls}).
     * A transport whose connections are not sockets (an in-memory one) overrides this.
     */
    protected RawClient openClient(int port, int receiveBufferSize) throws IOException {
        return overTls() ? TlsClients.connect(port, receiveBufferSize) : RawClient.connect(port, receiveBufferSize);
    }

    /** Sends {@code request} and expects a response with {@code status} and Connection: close, then the close. */
    protected void assertErrorThenClose(HttpServer server, int status, String request) throws IOException {
        RawClient client = connect(server);
        client.send(request);
        RawResponse response = client.read();
        assertEquals(status, response.status(), response::text);
        assertEquals("close", response.header("Connection"), response::text);
        assertTrue(response.bodyText().startsWith(status + " "), response::text);
        assertTrue(client.closedByServer(), "the connection stays open after " + status);
    }

    @AfterEach
    void closeEverything() throws IOException {
        handler.slowRelease.countDown();
        for (RawClient c : clients) {
            c.close();
        }
        for (HttpServer s : servers) {
            s.close();
        }
    }
}
