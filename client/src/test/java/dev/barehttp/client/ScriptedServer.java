package dev.barehttp.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that plays a fixed script on each connection it accepts, for the cases a real
 * server does not produce on demand: silence, invalid bytes, a close right after a response.
 */
final class ScriptedServer implements AutoCloseable {
    /** What to do with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void play(Socket connection) throws IOException;
    }

    private final ServerSocket listener;
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();

    ScriptedServer(Script script) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    accepted.incrementAndGet();
                    script.play(s);
                } catch (IOException e) {
                    // the listener closed, or the client went away: either ends this connection only
                }
            }
        }, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections were accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Reads one request head, up to its empty line; null when the connection ended first. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String s = head.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return null;
    }

    static void write(Socket s, String latin1) throws IOException {
        s.getOutputStream().write(latin1.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
