package dev.barehttp.examples;

import dev.barehttp.AttributeKey;
import dev.barehttp.Filter;
import dev.barehttp.Handler;
import dev.barehttp.HttpException;
import dev.barehttp.Request;
import dev.barehttp.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * HTTP Basic authentication (RFC 7617) as a {@link Filter}: a request whose {@code Authorization}
 * field holds a known user and password goes on with the user's name in the attribute {@link #USER};
 * any other is answered {@code 401} with a {@code WWW-Authenticate} challenge for the realm.
 *
 * <p>Basic sends the password in clear text: use it over TLS only. Passwords are compared in time that
 * does not depend on where they differ.
 */
final class BasicAuthFilter implements Filter {
    /** The authenticated user's name, for the handlers behind the filter. */
    static final AttributeKey<String> USER = AttributeKey.of("user", String.class);

    private final Map<String, byte[]> passwords;
    private final String challenge;

    /**
     * Lets in the users of {@code passwords} (name to password).
     *
     * @throws IllegalArgumentException when the realm holds a quote, backslash or control character
     */
    BasicAuthFilter(String realm, Map<String, String> passwords) {
        if (!realm.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("the realm must be printable ASCII without quotes: " + realm);
        }
        this.challenge = "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
        this.passwords = Map.copyOf(passwords.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public Response filter(Request request, Handler next) throws Exception {
        String user = authenticated(request.header("authorization"));
        if (user == null) {
            throw HttpException.unauthorized(challenge);
        }
        return next.handle(request.withAttribute(USER, user));
    }

    /** The user {@code authorization} proves, or null. */
    private String authenticated(String authorization) {
        if (authorization == null || authorization.length() < 7 || !isBasicScheme(authorization)
                || authorization.charAt(5) != ' ') {
            return null;
        }
        String credentials;
        try {
            // RFC 7617 section 2: token68 credentials are the Base64 of "user-id:password" (UTF-8 when the
            // challenge says charset="UTF-8").
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6)),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = credentials.substring(0, colon);
        byte[] expected = passwords.get(user);
        byte[] given = credentials.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        // An unknown user is compared against itself, so its timing matches a wrong password's.
        boolean matches = MessageDigest.isEqual(expected == null ? given : expected, given);
        return expected != null && matches ? user : null;
    }

    /** The scheme name is case-insensitive (RFC 9110 section 11.1), compared in ASCII only. */
    private static boolean isBasicScheme(String authorization) {
        String basic = "basic";
        for (int i = 0; i < basic.length(); i++) {
            char c = authorization.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (lower != basic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
