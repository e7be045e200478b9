package dev.barehttp.transport.nio;

import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.ServerConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
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
    private static final long MIN_PAUSE_MILLIS = 10;
    private static final long MAX_PAUSE_MILLIS = 1_000;

    private final NioServer server;
    private final ServerSocketChannel listener;
    private final List<EventLoop> loops;
    private final Thread thread;
    private final byte[] refusal;
    private int next;

    Acceptor(NioServer server, ServerSocketChannel listener, List<EventLoop> loops) {
        this.server = server;
        this.listener = listener;
        this.loops = loops;
        this.thread = new Thread(this, "barehttp-nio-acceptor");
        ServerConnection answer = new ServerConnection(server.config);
        answer.respondToError(HttpProtocolException.serviceUnavailable("the server has its maximum of "
                + server.settings.maxConnections() + " connections open"));
        ByteBuffer bytes = answer.peekOutput();
        this.refusal = new byte[bytes.remaining()];
        bytes.get(refusal);
    }

    void start() {
        thread.start();
    }

    void join() throws InterruptedException {
        thread.join();
    }

    /**
     * Accepts until the listening socket closes. Every failure is caught: running out of file
     * descriptors (or memory) pauses accepting, longer each time it repeats, and accepting resumes
     * once it clears; the open connections are served meanwhile.
     */
    @Override
    public void run() {
        long pause = MIN_PAUSE_MILLIS;
        while (listener.isOpen()) {
            try {
                accept();
                pause = MIN_PAUSE_MILLIS;
            } catch (ClosedChannelException e) {
                return;
            } catch (Throwable e) {
                if (!listener.isOpen()) {
                    return;
                }
                server.failures.log("accept failed; pausing " + pause + " ms", e);
                sleep(pause);
                pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = listener.accept();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (!server.admit()) {
                refuse(channel);
                return;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        hand(channel, true);
    }

    /** Deals {@code channel} to the next loop. */
    private void hand(SocketChannel channel, boolean admitted) {
        EventLoop loop = loops.get(next);
        next = (next + 1) % loops.size();
        loop.post((Runnable) () -> loop.register(channel, admitted));
    }

    /**
     * Over the limit: the codec's 503, written at once (it fits an empty socket buffer), what already
     * arrived read and dropped (so the close is not a reset that destroys the answer), then closed.
     * A refusal is never registered with a loop, so it costs no descriptor beyond this moment. Over TLS
     * the answer needs a handshake (plain text must never leave a TLS port), so the connection goes to
     * a loop as a refusal, a bounded number at once; beyond that it is closed unanswered.
     */
    private void refuse(SocketChannel channel) throws IOException {
        if (server.settings.tls() != null) {
            if (server.admitTlsRefusal()) {
                hand(channel, false);
            } else {
                channel.close();
            }
            return;
        }
        try {
            channel.write(ByteBuffer.wrap(refusal));
            channel.shutdownOutput();
            ByteBuffer sink = ByteBuffer.allocate(4096);
            for (int i = 0; i < 4 && channel.read(sink) > 0; i++) {
                sink.clear();
            }
        } catch (IOException e) {
            // The peer is gone already.
        } finally {
            channel.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
