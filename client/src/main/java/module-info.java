/**
 * barehttp's blocking HTTP/1.1 client: {@link dev.barehttp.client.HttpClient} over a
 * {@link java.net.Socket} (or an {@link javax.net.ssl.SSLSocket}), with every protocol decision
 * left to the codec's {@link dev.barehttp.codec.ClientConnection}.
 */
module dev.barehttp.client {
    requires transitive dev.barehttp.codec;

    exports dev.barehttp.client;
}
