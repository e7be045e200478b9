package dev.barehttp.examples;

import dev.barehttp.Handler;
import dev.barehttp.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one of the example apps:
 * {@code java -jar barehttp-examples.jar [APP] [--host H] [--port P] [--transport NAME] [--max-connections N]
 * [--option NAME=VALUE]... [--access-log] [--access-log-format F] [--tls-keystore PATH --tls-password PASS]
 * [--head-timeout-ms MS] [--body-timeout-ms MS] [--body-rate-grace-ms MS] [--write-timeout-ms MS]}.
 *
 * <p>It prints one line with the address and transport once the port is bound (the real port when
 * 0 was asked for), and on Ctrl+C or SIGTERM shuts the server down gracefully, letting requests in
 * flight finish, and says so. With {@code --tls-keystore} it serves HTTPS only, and the startup line
 * says {@code https://}. Arguments it cannot use, including a transport option the transport does
 * not know, are reported in one line (never a stack trace) and exit with status 2; an address it cannot
 * bind exits with status 1.
 */
public final class Main {
    private Main() {
    }

    /** Starts the app the arguments name and serves until the JVM is asked to stop. */
    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("barehttp: " + e.getMessage());
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        HttpServer server;
        try {
            server = start(options, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("barehttp: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IOException | IllegalStateException | GeneralSecurityException e) {
            System.err.println("barehttp: cannot start " + options.app() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, stopped), "barehttp-shutdown"));
        // Transports may serve on daemon (virtual) threads, so the main thread keeps the JVM alive.
        stopped.await();
    }

    /** Builds the app's handler, binds, and prints the startup line to {@code out}. */
    static HttpServer start(LaunchOptions options, PrintStream out) throws IOException, GeneralSecurityException {
        Handler handler = handler(options);
        HttpServer.Builder builder = HttpServer.builder().host(options.host()).port(options.port()).handler(handler)
                .maxConnections(options.maxConnections()).config(options.config());
        if (options.accessLog() != null) {
            builder.accessLog(options.accessLog(), out::println);
        }
        if (options.tlsKeystore() != null) {
            builder.tls(Path.of(options.tlsKeystore()), options.tlsPassword().toCharArray());
        }
        options.transportOptions().forEach(builder::option);
        if (options.transport() != null) {
            builder.transport(options.transport());
        }
        HttpServer server = builder.start();
        String scheme = options.tlsKeystore() == null ? "http" : "https";
        out.println("barehttp " + options.app() + " listening on " + scheme + "://" + hostForUrl(options.host()) + ":"
                + server.port() + " (transport: " + server.transport() + ")");
        out.flush();
        return server;
    }

    /** The handler of the app {@code options} names. */
    static Handler handler(LaunchOptions options) throws IOException {
        switch (options.app()) {
            case "echo":
                return new EchoApp();
            case "files":
                return new FilesApp(Path.of(options.directory()));
            default:
                return DemoApp.router();
        }
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static void stop(HttpServer server, CountDownLatch stopped) {
        System.out.println("barehttp: shutting down gracefully...");
        System.out.flush();
        server.close();
        System.out.println("barehttp: stopped");
        System.out.flush();
        stopped.countDown();
    }
}
