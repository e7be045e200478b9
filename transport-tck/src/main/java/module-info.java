/**
 * The transport test kit: transport-agnostic JUnit tests over real loopback sockets. A transport
 * runs it by subclassing each kit with the transport's name; used with test scope only.
 */
module dev.barehttp.tck {
    requires dev.barehttp.server;
    requires org.junit.jupiter.api;
    requires org.junit.jupiter.params;
    requires java.net.http;

    exports dev.barehttp.tck;
}
