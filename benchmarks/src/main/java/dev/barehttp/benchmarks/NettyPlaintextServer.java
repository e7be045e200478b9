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

/**
 * The anchor of the load benchmark: a Netty 4.2 server answering {@code GET /plaintext} like the
 * examples jar's {@code demo} app does (200, {@code text/plain}, {@code Hello, World!}, with
 * {@code Server} and {@code Date}), keep-alive, pipelining-friendly: it flushes once per read
 * batch, as barehttp's transports write once per read.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.barehttp.benchmarks.NettyPlaintextServer
 * [--host H] [--port P] [--threads N]}; the defaults are 127.0.0.1, 8080 and one event loop per
 * core, with NIO (the JDK selector, like barehttp's nio transport, not a native transport).
 */
public final class NettyPlaintextServer {
    private NettyPlaintextServer() {
    }

    /** Starts the server and serves until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 8080;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --host, --port, --threads)");
            }
        }
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
                        channel.pipeline().addLast(new HttpServerCodec(), new NettyPlaintextHandler());
                    }
                })
                .bind(host, port).sync().channel();
        System.out.println("netty plaintext listening on http://" + host + ":" + port + " (" + threads
                + " event loops)");
        System.out.flush();
        server.closeFuture().sync();
    }
}
