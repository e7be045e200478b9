package dev.barehttp.benchmarks;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The anchor of the load benchmark: a Netty 4.2 server answering {@code GET /plaintext} like the
 * examples jar's {@code demo} app does (200, {@code text/plain}, {@code Hello, World!}, with
 * {@code Server} and {@code Date}), keep-alive, pipelining-friendly: it flushes once per read
 * batch, as barehttp's transports write once per read.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.barehttp.benchmarks.NettyPlaintextServer
 * [--host H] [--port P] [--threads N] [--tls-keystore PATH --tls-password PASS]}; the defaults
 * are 127.0.0.1, 8080 and one event loop per core, with NIO (the JDK selector, like barehttp's nio
 * transport, not a native transport). With {@code --tls-keystore} (a PKCS#12 file, as the demo
 * takes) it serves HTTPS only, through an {@code SslHandler} on the JDK's TLS provider, the
 * provider barehttp uses, so the TLS scenario compares servers and not TLS libraries.
 */
public final class NettyPlaintextServer {
    private NettyPlaintextServer() {
    }

    /** Starts the server and serves until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException, IOException, GeneralSecurityException {
        String host = "127.0.0.1";
        int port = 8080;
        int threads = Runtime.getRuntime().availableProcessors();
        String keystore = null;
        String password = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--tls-keystore" -> keystore = args[i + 1];
                case "--tls-password" -> password = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --host, --port, --threads, --tls-keystore, --tls-password)");
            }
        }
        if ((keystore == null) != (password == null)) {
            throw new IllegalArgumentException("--tls-keystore and --tls-password go together");
        }
        SslContext tls = keystore == null ? null : jdkTls(Path.of(keystore), password.toCharArray());
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boss.shutdownGracefully();
            workers.shutdownGracefully().syncUninterruptibly();
        }, "netty-shutdown"));
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast(tls.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast(new HttpServerCodec(), new NettyPlaintextHandler());
                    }
                })
                .bind(host, port).sync().channel();
        String scheme = tls == null ? "http" : "https";
        System.out.println("netty plaintext listening on " + scheme + "://" + host + ":" + port + " (" + threads
                + " event loops)");
        System.out.flush();
        server.closeFuture().sync();
    }

    /**
     * A server context on the JDK provider with the first key of a PKCS#12 keystore and the JDK's
     * default cipher suites in the JDK's order, as a plain {@code SSLEngine} (barehttp's) has them:
     * Netty's own list puts AES-128 first, and the scenario would then compare ciphers.
     */
    private static SslContext jdkTls(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        List<String> jdkCiphers = List.of(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
        return SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK).ciphers(jdkCiphers).build();
    }
}
