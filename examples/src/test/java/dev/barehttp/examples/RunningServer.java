package dev.barehttp.examples;

import dev.barehttp.Handler;
import dev.barehttp.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** An app served in-process on a free loopback port, with the clients the tests talk to it through. */
final class RunningServer implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final HttpServer server;

    private RunningServer(HttpServer server) {
        this.server = server;
    }

    /** The transports the tests run each app on: every one on the class path. */
    static List<String> transports() {
        return HttpServer.availableTransports();
    }

    /** Serves {@code handler} with {@code transport} on 127.0.0.1, port 0. */
    static RunningServer start(Handler handler, String transport) throws IOException {
        return start(HttpServer.builder().handler(handler), transport);
    }

    /** Starts {@code builder} (with whatever else it was given) with {@code transport} on 127.0.0.1, port 0. */
    static RunningServer start(HttpServer.Builder builder, String transport) throws IOException {
        return new RunningServer(builder.port(0).transport(transport).start());
    }

    /** The URI of {@code pathAndQuery} on this server. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    /** Sends {@code request} built for {@code pathAndQuery} and returns the answer as text. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends {@code request} and returns the answer's body as a stream, waiting at most {@code timeout}. */
    HttpResponse<InputStream> sendStreaming(HttpRequest.Builder request, Duration timeout)
            throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A GET of {@code pathAndQuery}. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    /**
     * Writes {@code request} (ISO-8859-1 text, so any byte can be written as a char) in one write,
     * optionally half-closes, and reads until the server closes the connection.
     */
    String exchangeRaw(String request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            return readToEnd(socket.getInputStream());
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A server that closes after an error may reset the connection once its answer is out.
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        server.close();
    }
}
