package dev.barehttp.codec;

/**
 * Checks the chunk extensions of one chunk-size line byte by byte, without keeping them
 * (RFC 9112 section 7.1.1):
 * <pre>
 *   chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 *   chunk-ext-name = token
 *   chunk-ext-val  = token / quoted-string
 *   quoted-string  = DQUOTE *( qdtext / quoted-pair ) DQUOTE
 * </pre>
 * Parsers that skip extensions loosely disagree on where a line ends (an unclosed quote, a
 * stray character), which is enough to smuggle a request, so the grammar is enforced.
 */
final class ChunkExtensions {
    private enum State { BEFORE_SEMICOLON, BEFORE_NAME, NAME, AFTER_NAME, BEFORE_VALUE, TOKEN_VALUE, QUOTED,
        QUOTED_PAIR, AFTER_QUOTE, AFTER_VALUE }

    private State state = State.BEFORE_SEMICOLON;

    /** Starts a line's extensions, before the byte that followed the chunk size. */
    void reset() {
        state = State.BEFORE_SEMICOLON;
    }

    /** True when the extensions read so far may be followed by the line's CR. */
    boolean complete() {
        return state == State.NAME || state == State.TOKEN_VALUE || state == State.AFTER_QUOTE;
    }

    /** Takes the next byte of the line (never CR). */
    void accept(byte b) {
        state = switch (state) {
            case BEFORE_SEMICOLON, AFTER_VALUE -> whitespaceOr(b, ';', State.BEFORE_NAME);
            case BEFORE_NAME -> ByteClass.isWhitespace(b) ? state : tokenStart(b, State.NAME);
            case NAME -> ByteClass.isTchar(b) ? state : afterName(b);
            case AFTER_NAME -> afterName(b);
            case BEFORE_VALUE -> ByteClass.isWhitespace(b) ? state : b == '"' ? State.QUOTED : tokenStart(b, State.TOKEN_VALUE);
            case TOKEN_VALUE -> ByteClass.isTchar(b) ? state : whitespaceOr(b, ';', State.BEFORE_NAME);
            case QUOTED -> quoted(b);
            case QUOTED_PAIR -> fieldChar(b, State.QUOTED);
            case AFTER_QUOTE -> whitespaceOr(b, ';', State.BEFORE_NAME);
        };
    }

    private State afterName(byte b) {
        if (b == '=') {
            return State.BEFORE_VALUE;
        }
        if (ByteClass.isWhitespace(b)) {
            return State.AFTER_NAME;
        }
        if (b == ';') {
            return State.BEFORE_NAME;
        }
        throw invalid("a chunk extension name is followed by an unexpected character");
    }

    /** qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text; quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ). */
    private State quoted(byte b) {
        if (b == '"') {
            return State.AFTER_QUOTE;
        }
        if (b == '\\') {
            return State.QUOTED_PAIR;
        }
        return fieldChar(b, State.QUOTED);
    }

    private State whitespaceOr(byte b, char wanted, State next) {
        if (ByteClass.isWhitespace(b)) {
            return state == State.BEFORE_SEMICOLON ? state : State.AFTER_VALUE;
        }
        if (b == wanted) {
            return next;
        }
        throw invalid("a chunk extension is not followed by ';' or the end of the line");
    }

    private static State tokenStart(byte b, State next) {
        if (ByteClass.isTchar(b)) {
            return next;
        }
        throw invalid("a chunk extension name or value is not a token");
    }

    private static State fieldChar(byte b, State next) {
        if (ByteClass.isFieldChar(b)) {
            return next;
        }
        throw invalid("a chunk extension holds a control character");
    }

    private static HttpProtocolException invalid(String message) {
        return HttpProtocolException.badRequest(message + " (RFC 9112 section 7.1.1)");
    }
}
