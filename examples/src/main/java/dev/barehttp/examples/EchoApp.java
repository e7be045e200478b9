package dev.barehttp.examples;

import dev.barehttp.Handler;
import dev.barehttp.Request;
import dev.barehttp.Response;
import dev.barehttp.codec.Headers;
import java.util.Base64;

/**
 * The {@code echo} app: answers every request, whatever its method or target, with {@code 200} and
 * a JSON description of what arrived:
 *
 * <pre>{@code
 * {"method": M, "target": T, "version": V, "secure": S, "headers": [[name, value], ...], "body": B}
 * }</pre>
 *
 * M, T and V are the request line's parts as received; headers keep their order, lower-case names
 * and OWS-trimmed values; S is true when the request came over TLS ({@link Request#isSecure()}); B is the standard Base64 of the decoded body. Trailer fields of a chunked
 * body, when there are any, go in an extra {@code "trailers"} member. Strings are the ISO-8859-1
 * reading of the bytes, escaped by {@link JsonWriter}. It is a plain {@link Handler}, not routed, so
 * {@code OPTIONS *}, absolute-form and authority-form targets are echoed too.
 */
final class EchoApp implements Handler {

    /** Describes {@code request} as JSON; reads the whole body first, so the trailers are known. */
    @Override
    public Response handle(Request request) throws Exception {
        byte[] body = request.body().readAllBytes();
        Headers trailers = request.trailers();
        JsonWriter json = new JsonWriter().beginObject()
                .name("method").value(request.method())
                .name("target").value(request.target())
                .name("version").value(request.version().text())
                .name("secure").value(request.isSecure())
                .name("headers");
        writeFields(json, request.headers());
        json.name("body").value(Base64.getEncoder().encodeToString(body));
        if (!trailers.isEmpty()) {
            json.name("trailers");
            writeFields(json, trailers);
        }
        return Response.bytes(200, "application/json", json.endObject().toBytes());
    }

    private static void writeFields(JsonWriter json, Headers fields) {
        json.beginArray();
        for (int i = 0; i < fields.size(); i++) {
            json.beginArray().value(fields.name(i)).value(fields.value(i)).endArray();
        }
        json.endArray();
    }
}
