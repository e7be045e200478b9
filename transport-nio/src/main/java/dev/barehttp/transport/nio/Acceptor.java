package dev.barehttp.transport.nio;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The thread that accepts connections (a blocking {@code accept}) and deals them round-robin to
 * the selector threads, counting each against the connection limit. Ends when the listening
 * socket is closed.
 */
final class Acceptor implements Runnable {
    private static final System.Logger LOG = System.getLogger("dev.barehttp");
    private static final long BACKOFF_MILLIS = 20;

    private final NioServer server;
    private final ServerSocketChannel listener;
    private final List<EventLoop> loops;
    private final Thread thread;
    private int next;

    Acceptor(NioServer server, ServerSocketChannel listener, List<EventLoop> loops) {
        this.server = server;
        this.listener = listener;
        this.loops = loops;
        this.thread = new Thread(this, "barehttp-nio-acceptor");
    }

    void start() {
        thread.start();
    }

    void join() throws InterruptedException {
        thread.join();
    }

    @Override
    public void run() {
        while (listener.isOpen()) {
            try {
                accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // Out of file descriptors, say: keep serving the open connections and retry shortly.
                LOG.log(System.Logger.Level.WARNING, "accept failed: " + e);
                pause();
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = listener.accept();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            channel.close();
            return;
        }
        boolean admitted = server.admit();
        EventLoop loop = loops.get(next);
        next = (next + 1) % loops.size();
        loop.post((Runnable) () -> loop.register(channel, admitted));
    }

    private static void pause() {
        try {
            Thread.sleep(BACKOFF_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
