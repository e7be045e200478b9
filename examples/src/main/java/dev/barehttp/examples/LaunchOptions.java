package dev.barehttp.examples;

import dev.barehttp.AccessLog;
import dev.barehttp.codec.HttpConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the examples jar:
 * {@code [APP [DIR]] [--host H] [--port P] [--transport NAME] [--max-connections N] [--access-log]
 * [--access-log-format F] [--tls-keystore PATH --tls-password PASS] [--head-timeout-ms MS]
 * [--body-timeout-ms MS] [--body-rate-grace-ms MS] [--write-timeout-ms MS] [--help]}.
 *
 * @param app the app to run: {@code demo}, {@code echo} or {@code files}
 * @param directory the directory the {@code files} app serves (null for the others)
 * @param host the address to bind
 * @param port the port to bind (0 picks a free one)
 * @param transport the transport's name, or null to let the server choose
 * @param maxConnections most connections open at once (more get 503)
 * @param transportOptions transport options by name (e.g. {@code nio.selectors=2})
 * @param accessLog the format of the line printed per request, or null for none
 * @param tlsKeystore the PKCS#12 keystore to serve TLS with, or null for plain TCP
 * @param tlsPassword the keystore's password (null exactly when {@code tlsKeystore} is)
 * @param help true when usage was asked for
 * @param config the server's limits and timeouts: the defaults, with the timeouts given on the command line
 */
record LaunchOptions(String app, String directory, String host, int port, String transport, int maxConnections,
                     Map<String, String> transportOptions, AccessLog.Format accessLog, String tlsKeystore,
                     String tlsPassword, boolean help, HttpConfig config) {
    /** The connection limit when none is given. */
    static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    /** The apps, in the order {@code --help} lists them. */
    static final List<String> APPS = List.of("demo", "echo", "files");

    /** Options with the default limits and timeouts. */
    LaunchOptions(String app, String directory, String host, int port, String transport, int maxConnections,
                  Map<String, String> transportOptions, AccessLog.Format accessLog, String tlsKeystore,
                  String tlsPassword, boolean help) {
        this(app, directory, host, port, transport, maxConnections, transportOptions, accessLog, tlsKeystore,
                tlsPassword, help, HttpConfig.defaults());
    }

    /** The usage text {@code --help} prints. */
    static final String USAGE = """
            usage: java -jar barehttp-examples.jar [APP] [--host H] [--port P] [--transport NAME]
                                                   [--max-connections N] [--option NAME=VALUE]... [--access-log]
                                                   [--access-log-format common|combined|json]
                                                   [--tls-keystore PATH --tls-password PASS]
                                                   [--head-timeout-ms MS] [--body-timeout-ms MS]
                                                   [--body-rate-grace-ms MS] [--write-timeout-ms MS]

            apps:
              demo        the demo routes: /, /yourproblem, /myproblem, POST /echo, /users/{id},
                          /stream?n=5, /plaintext, /events?n=5, /visits, /moved, /secure,
                          /admin (default)
              echo        answers every request with a JSON description of what arrived
              files DIR   serves the files under DIR

            options:
              --host H          address to bind (default 127.0.0.1)
              --port P          port to bind, 0 for any free one (default 8080)
              --transport NAME  blocking or nio (default: chosen from the class path)
              --max-connections N  most connections open at once; more get 503 (default 10000)
              --option NAME=VALUE  a transport option, e.g. nio.selectors=2 (repeatable)
              --access-log      print a line per request to stdout (Common Log Format)
              --access-log-format F  common, combined or json (implies --access-log)
              --tls-keystore PATH  serve HTTPS with the key in this PKCS#12 file, read again
                                   when it changes (needs --tls-password)
              --tls-password PASS  the keystore's password
              --head-timeout-ms MS   time to receive a request head once begun; 0 disables (default 10000)
              --body-timeout-ms MS   longest wait for the next request body byte; 0 disables (default 30000)
              --body-rate-grace-ms MS  time a body may arrive at any rate before the minimum rate of
                                     256 bytes/s applies (default 10000)
              --write-timeout-ms MS  longest wait for a peer to accept output; 0 disables (default 30000)
              --help            print this text
            """;

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException with a message for the user when the arguments make no sense
     */
    static LaunchOptions parse(String... args) {
        String app = null;
        String directory = null;
        String host = "127.0.0.1";
        int port = 8080;
        String transport = null;
        AccessLog.Format accessLog = null;
        int maxConnections = DEFAULT_MAX_CONNECTIONS;
        Map<String, String> transportOptions = new LinkedHashMap<>();
        HttpConfig.Builder config = HttpConfig.builder();
        String tlsKeystore = null;
        String tlsPassword = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new LaunchOptions("demo", null, host, port, null, maxConnections, Map.of(), null, null, null,
                            true);
                }
                case "--host" -> host = valueAfter(args, i++);
                case "--port" -> port = port(valueAfter(args, i++));
                case "--transport" -> transport = valueAfter(args, i++);
                case "--access-log" -> accessLog = accessLog == null ? AccessLog.Format.COMMON : accessLog;
                case "--access-log-format" -> accessLog = format(valueAfter(args, i++));
                case "--max-connections" -> maxConnections = positive(arg, valueAfter(args, i++));
                case "--option" -> addOption(transportOptions, valueAfter(args, i++));
                case "--head-timeout-ms" -> config.headTimeoutMillis(millis(arg, valueAfter(args, i++)));
                case "--body-timeout-ms" -> config.bodyTimeoutMillis(millis(arg, valueAfter(args, i++)));
                case "--body-rate-grace-ms" -> config.bodyRateGraceMillis(millis(arg, valueAfter(args, i++)));
                case "--write-timeout-ms" -> config.writeTimeoutMillis(millis(arg, valueAfter(args, i++)));
                case "--tls-keystore" -> tlsKeystore = valueAfter(args, i++);
                case "--tls-password" -> tlsPassword = valueAfter(args, i++);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    } else if (app == null) {
                        app = arg;
                    } else if (app.equals("files") && directory == null) {
                        directory = arg;
                    } else {
                        throw new IllegalArgumentException("unexpected argument " + arg);
                    }
                }
            }
        }
        return checked(new LaunchOptions(app == null ? "demo" : app, directory, host, port, transport, maxConnections,
                Map.copyOf(transportOptions), accessLog, tlsKeystore, tlsPassword, false, config.build()));
    }

    private static AccessLog.Format format(String name) {
        switch (name) {
            case "common":
                return AccessLog.Format.COMMON;
            case "combined":
                return AccessLog.Format.COMBINED;
            case "json":
                return AccessLog.Format.JSON;
            default:
                throw new IllegalArgumentException("--access-log-format is common, combined or json: " + name);
        }
    }

    private static LaunchOptions checked(LaunchOptions options) {
        if (!APPS.contains(options.app())) {
            throw new IllegalArgumentException("unknown app " + options.app() + "; apps: " + String.join(", ", APPS));
        }
        if ((options.tlsKeystore() == null) != (options.tlsPassword() == null)) {
            throw new IllegalArgumentException("--tls-keystore and --tls-password go together");
        }
        if (options.app().equals("files") && options.directory() == null) {
            throw new IllegalArgumentException("the files app needs a directory: files DIR");
        }
        return options;
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static void addOption(Map<String, String> options, String nameAndValue) {
        int eq = nameAndValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--option needs NAME=VALUE: " + nameAndValue);
        }
        options.put(nameAndValue.substring(0, eq), nameAndValue.substring(eq + 1));
    }

    private static int positive(String option, String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) == 0) {
            throw new IllegalArgumentException(option + " needs a positive number: " + text);
        }
        return Integer.parseInt(text);
    }

    private static long millis(String option, String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(option + " needs a number of milliseconds: " + text);
        }
        return Long.parseLong(text);
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("--port needs a number from 0 to 65535: " + text);
        }
        return Integer.parseInt(text);
    }
}
