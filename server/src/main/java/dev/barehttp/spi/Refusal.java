package dev.barehttp.spi;

import dev.barehttp.codec.HttpProtocolException;
import dev.barehttp.codec.ServerConnection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The {@code 503} a transport writes to a connection over the limit, encoded once by the codec, so
 * that answering a refusal costs one small write and no connection state.
 *
 * @param bytes the whole response, head and body
 * @param bodyLength the length of its body
 */
public record Refusal(byte[] bytes, int bodyLength) {

    /** The refusal for a server with {@code settings}, saying {@code why}. */
    public static Refusal of(ServerSettings settings, String why) {
        ServerConnection answer = new ServerConnection(settings.config());
        answer.respondToError(HttpProtocolException.serviceUnavailable(why));
        ByteBuffer view = answer.peekOutput();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return new Refusal(bytes, (int) answer.response().bodyBytes());
    }

    /** Tells the application (its access log, say) that this refusal was sent to {@code peer}. */
    public void reportTo(ServerSettings settings, InetSocketAddress peer) {
        settings.errorAnswers().sent(peer, 503, bodyLength);
    }
}
