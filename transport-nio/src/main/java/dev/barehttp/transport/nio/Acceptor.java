package dev.barehttp.transport.nio;

import dev.barehttp.spi.Refusal;
import java.io.IOException;
import java.net.InetSocketAddress;
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
    private final Refusal refusal;
    private int next;

    Acceptor(NioServer server, ServerSocketChannel listener, List<EventLoop> loops) {
        this.server = server;
        this.listener = listener;
        this.loops = loops;
        this.thread = new Thread(this, "barehttp-nio-acceptor");
        this.refusal = Refusal.of(server.settings, "the server has its maximum of "
                + server.settings.maxConnections() + " connections open");
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
        InetSocketAddress peer;
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            peer = (InetSocketAddress) channel.getRemoteAddress();
            if (!server.admit(peer)) {
                refuse(channel, peer);
                return;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        hand(channel, peer, true);
    }

    /** Deals {@code channel} to the next loop. */
    private void hand(SocketChannel channel, InetSocketAddress peer, boolean admitted) {
        EventLoop loop = loops.get(next);
        next = (next + 1) % loops.size();
        loop.post((Runnable) () -> loop.register(channel, peer, admitted));
    }

    /**
     * Over the limit: the codec's 503, written at once (it fits an empty socket buffer), what already
     * arrived read and dropped (so the close is not a reset that destroys the answer), then closed.
     * A refusal is never registered with a loop, so it costs no descriptor beyond this moment. Over TLS
     * the answer needs a handshake (plain text must never leave a TLS port), so the connection goes to
     * a loop as a refusal, a bounded number at once; beyond that it is closed unanswered.
     */
    private void refuse(SocketChannel channel, InetSocketAddress peer) throws IOException {
        if (server.settings.tls() != null) {
            if (server.admitTlsRefusal()) {
                hand(channel, peer, false);
            } else {
                channel.close();
            }
            return;
        }
        try {
            channel.write(ByteBuffer.wrap(refusal.bytes()));
            refusal.reportTo(server.settings, peer);
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
