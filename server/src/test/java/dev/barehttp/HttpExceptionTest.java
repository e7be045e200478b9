package dev.barehttp;

import static dev.barehttp.TestRequests.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.barehttp.testing.TestClient;
import dev.barehttp.testing.TestResponse;
import org.junit.jupiter.api.Test;

class HttpExceptionTest {

    /** RFC 9110 section 11.6.1: a 401 carries a WWW-Authenticate challenge. */
    @Test
    void rfc9110_11_6_1_unauthorizedCarriesItsChallenge() throws Exception {
        Response response = HttpException.unauthorized("Basic realm=\"admin\"").toResponse();
        assertEquals(401, response.status());
        assertEquals("Basic realm=\"admin\"", response.headers().get("www-authenticate"));
        assertEquals("WWW-Authenticate", response.headers().nameAsWritten(1));
        assertEquals("Unauthorized\n", body(response));
    }

    @Test
    void rfc9110_15_anyErrorOrRedirectStatusWithMessageAndHeaders() throws Exception {
        HttpException e = new HttpException(Status.CONFLICT, "the name is taken").withHeader("Retry-After", "5");
        Response response = e.toResponse();
        assertEquals(409, response.status());
        assertEquals("the name is taken\n", body(response));
        assertEquals("5", response.headers().get("retry-after"));
        assertEquals("text/plain; charset=utf-8", response.headers().get("content-type"));
        assertEquals(403, HttpException.forbidden("no").status());
        assertEquals(404, HttpException.notFound("no").status());
    }

    @Test
    void statusOutside300To599IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HttpException(200));
        assertThrows(IllegalArgumentException.class, () -> new HttpException(600));
    }

    /** CWE-113: header values of an exception are validated like any response field (no CR LF). */
    @Test
    void cwe113_headerWithLineEndIsRefused() {
        HttpException e = new HttpException(403);
        assertThrows(IllegalArgumentException.class, () -> e.withHeader("X-A", "a\r\nSet-Cookie: x=1"));
        assertThrows(IllegalArgumentException.class, () -> e.withHeader("Transfer-Encoding", "chunked"));
    }

    @Test
    void theServerAnswersAThrownHttpExceptionWithItsResponse() {
        Handler thrower = request -> {
            throw HttpException.forbidden("read only");
        };
        TestResponse response = TestClient.of(thrower).get("/");
        assertEquals(403, response.status());
        assertEquals("read only\n", response.bodyText());
    }

    @Test
    void theServerAnswersAThrownProtocolExceptionWithItsStatus() {
        Handler thrower = request -> {
            throw dev.barehttp.codec.HttpProtocolException.contentTooLarge("too big");
        };
        assertEquals(413, TestClient.of(thrower).post("/", "").status());
    }
}
