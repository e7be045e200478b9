package dev.barehttp.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barehttp.Filter;
import dev.barehttp.Handler;
import dev.barehttp.HttpServer;
import dev.barehttp.Response;
import dev.barehttp.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where handlers run, by what they declare ({@link dev.barehttp.InvocationType}): each route answers
 * with the name of the thread it ran on. On a transport with threads that must never block (selector
 * threads, named by {@link #loopThreadPrefix()}), a route declared non-blocking runs there when its
 * request has arrived whole and every filter around it is declared too, and nothing else ever does. On a
 * transport without such threads the same routes answer the same bytes on its own threads.
 */
public abstract class InvocationKit extends TransportKit {
    private static final String GET_DECLARED = "GET /declared HTTP/1.1\r\nHost: kit\r\n\r\n";
    private static final String GET_UNDECLARED = "GET /undeclared HTTP/1.1\r\nHost: kit\r\n\r\n";

    private final CountDownLatch blockedEntered = new CountDownLatch(1);
    private final CountDownLatch blockedRelease = new CountDownLatch(1);

    /**
     * The name prefix of the transport's threads that must never block (its selector threads), or null
     * when it has none (the default): then no route is expected to run on such a thread.
     */
    protected String loopThreadPrefix() {
        return null;
    }

    private boolean onLoop(String threadName) {
        return loopThreadPrefix() != null && threadName.startsWith(loopThreadPrefix());
    }

    private static Response thread() {
        return Response.text(200, Thread.currentThread().getName());
    }

    /** The kit's routes behind {@code routerFilter}: declared, undeclared, with bodies, streams and one that blocks. */
    private Router routes(Filter routerFilter) {
        Filter undeclared = (request, next) -> next.handle(request);
        return Router.builder()
                .filter(routerFilter)
                .get("/declared", Handler.nonBlocking(request -> thread()))
                .get("/undeclared", request -> thread())
                .get("/declared-behind-undeclared", Handler.nonBlocking(request -> thread()).with(undeclared))
                .post("/declared-body", Handler.nonBlocking(request -> {
                    String body = new String(request.body().readAllBytes(), StandardCharsets.US_ASCII);
                    return Response.text(200, body + " " + Thread.currentThread().getName());
                }))
                .get("/declared-stream", Handler.nonBlocking(request -> {
                    String handlerThread = Thread.currentThread().getName();
                    return Response.stream(200, out -> out.write((handlerThread + " "
                            + Thread.currentThread().getName()).getBytes(StandardCharsets.US_ASCII)));
                }))
                .get("/blocked", request -> {
                    blockedEntered.countDown();
                    blockedRelease.await(10, TimeUnit.SECONDS);
                    return thread();
                })
                .build();
    }

    /** A server of the kit's routes behind a router filter that is declared non-blocking. */
    private HttpServer startDeclared() throws IOException {
        Filter declared = Filter.nonBlocking((request, next) -> next.handle(request));
        return start(b -> b.handler(routes(declared)));
    }

    private String answer(RawClient client, String request) throws IOException {
        RawResponse response = client.send(request).read();
        assertEquals(200, response.status(), response::text);
        return response.bodyText();
    }

    /** A route declared non-blocking runs on a thread that must not block, when the transport has one. */
    @Test
    void aDeclaredRouteRunsOnTheLoopWhereTheTransportHasOne() throws IOException {
        RawClient client = connect(startDeclared());
        for (int i = 0; i < 3; i++) {
            String thread = answer(client, GET_DECLARED);
            assertEquals(loopThreadPrefix() != null, onLoop(thread), thread);
        }
    }

    /** A route that declares nothing may block, so it never runs on such a thread. */
    @Test
    void anUndeclaredRouteNeverRunsOnTheLoop() throws IOException {
        RawClient client = connect(startDeclared());
        for (int i = 0; i < 3; i++) {
            String thread = answer(client, GET_UNDECLARED);
            assertFalse(onLoop(thread), thread);
        }
    }

    /** A declared route behind a route filter that is not declared runs off the loop. */
    @Test
    void aDeclaredRouteBehindAnUndeclaredRouteFilterRunsOffTheLoop() throws IOException {
        String thread = answer(connect(startDeclared()), "GET /declared-behind-undeclared HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertFalse(onLoop(thread), thread);
    }

    /** A declared route behind a router-wide filter that is not declared runs off the loop. */
    @Test
    void aDeclaredRouteBehindAnUndeclaredRouterFilterRunsOffTheLoop() throws IOException {
        HttpServer server = start(b -> b.handler(routes((request, next) -> next.handle(request))));
        String thread = answer(connect(server), GET_DECLARED);
        assertFalse(onLoop(thread), thread);
    }

    /** A small body still on its way is awaited without a thread; once whole, the declared route runs on the loop. */
    @Test
    void aDeclaredRouteWhoseSmallBodyArrivesLateRunsOnceItIsWhole() throws Exception {
        HttpServer server = startDeclared();
        RawClient client = connect(server);
        client.send("POST /declared-body HTTP/1.1\r\nHost: kit\r\nContent-Length: 6\r\n\r\nabc");
        Thread.sleep(100);
        assertEquals(loopThreadPrefix() != null, onLoop(answer(connect(server), GET_DECLARED)),
                "another connection is answered while the body is awaited");
        RawResponse response = client.send("def").read();
        String[] body = response.bodyText().split(" ");
        assertEquals("abcdef", body[0], response::text);
        assertEquals(loopThreadPrefix() != null, onLoop(body[1]), body[1]);
    }

    /** A chunked body not yet ended cannot be awaited whole: the declared route reads it off the loop. */
    @Test
    void aDeclaredRouteWhoseChunkedBodyIsStillArrivingRunsOffTheLoop() throws Exception {
        HttpServer server = startDeclared();
        RawClient client = connect(server);
        client.send("POST /declared-body HTTP/1.1\r\nHost: kit\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
        Thread.sleep(100);
        answer(connect(server), GET_DECLARED);
        RawResponse response = client.send("3\r\ndef\r\n0\r\n\r\n").read();
        String[] body = response.bodyText().split(" ");
        assertEquals("abcdef", body[0], response::text);
        assertFalse(onLoop(body[1]), body[1]);
    }

    /** A declared route's streamed body may block while it is written, so its writer runs off the loop. */
    @Test
    void aStreamedBodyOfADeclaredRouteIsWrittenOffTheLoop() throws IOException {
        RawClient client = connect(startDeclared());
        for (int i = 0; i < 2; i++) {
            RawResponse response = client.send("GET /declared-stream HTTP/1.1\r\nHost: kit\r\n\r\n").read();
            assertEquals("chunked", response.header("Transfer-Encoding"), response::text);
            String[] threads = response.bodyText().split(" ");
            assertEquals(loopThreadPrefix() != null, onLoop(threads[0]), "the handler: " + threads[0]);
            assertFalse(onLoop(threads[1]), "the writer: " + threads[1]);
        }
    }

    /** Pipelined answers leave in request order whichever thread each request ran on. */
    @Test
    void pipelinedDeclaredAndUndeclaredRoutesAreAnsweredInOrder() throws IOException {
        RawClient client = connect(startDeclared());
        client.send(GET_DECLARED + GET_UNDECLARED + "GET /declared-stream HTTP/1.1\r\nHost: kit\r\n\r\n" + GET_DECLARED);
        assertEquals(loopThreadPrefix() != null, onLoop(client.read().bodyText()), "the first runs where it may");
        assertFalse(onLoop(client.read().bodyText()));
        assertEquals(2, client.read().bodyText().split(" ").length);
        assertEquals(200, client.read().status());
        assertEquals(loopThreadPrefix() != null, onLoop(answer(client, GET_DECLARED)), "and again once idle");
    }

    /** An undeclared handler that blocks holds up no other connection, declared or not. */
    @Test
    void aBlockedUndeclaredHandlerDoesNotStallOtherConnections() throws Exception {
        HttpServer server = startDeclared();
        RawClient blocked = connect(server);
        blocked.send("GET /blocked HTTP/1.1\r\nHost: kit\r\n\r\n");
        assertTrue(blockedEntered.await(5, TimeUnit.SECONDS));
        try {
            RawClient other = connect(server);
            assertEquals(loopThreadPrefix() != null, onLoop(answer(other, GET_DECLARED)));
            assertFalse(onLoop(answer(other, GET_UNDECLARED)));
        } finally {
            blockedRelease.countDown();
        }
        assertFalse(onLoop(blocked.read().bodyText()));
    }
}
