package dev.barehttp.codec;

/**
 * A chunked body (RFC 9112 section 7.1), read byte by byte through the framing and in bulk
 * through chunk data.
 *
 * <pre>
 *   SIZE --';' or WS--> EXTENSION --CR--> SIZE_LF --LF, size &gt; 0--> DATA --> DATA_CR --> DATA_LF --> SIZE
 *     \------------------CR----------------^       \--LF, size 0--> TRAILERS --empty line--> DONE
 * </pre>
 *
 * Line endings inside the framing are always CRLF, whatever {@code allowBareLf} says.
 */
final class ChunkedBody implements BodyDecoder {
    private enum State { SIZE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILERS, DONE }

    private final long maxBodySize;
    private final int maxLineLength;
    private final int maxExtensionsSize;
    private final FieldSectionReader trailers;
    private State state = State.SIZE;
    private long chunkSize;
    private int sizeDigits;
    private int lineLength;
    private final ChunkExtensions extensions = new ChunkExtensions();
    private long total;
    private int extensionBytes;

    /** Starts the next chunked body. */
    ChunkedBody reset() {
        state = State.SIZE;
        chunkSize = 0;
        sizeDigits = 0;
        lineLength = 0;
        total = 0;
        extensionBytes = 0;
        extensions.reset();
        return this;
    }

    ChunkedBody(HttpConfig config) {
        this.maxBodySize = config.maxBodySize();
        this.maxLineLength = config.maxChunkLineLength();
        this.maxExtensionsSize = config.maxChunkExtensionsSize();
        this.trailers = new FieldSectionReader(config.maxHeaderSectionSize(), config.maxHeaderCount(), false);
    }

    @Override
    public HttpEvent next(InputBuffer in, BodyDelivery delivery) {
        while (true) {
            switch (state) {
                case DATA:
                    return data(in, delivery);
                case TRAILERS:
                    return trailerSection(in);
                case DONE:
                    throw new IllegalStateException("the body already ended");
                default:
                    if (in.size() == 0) {
                        return null;
                    }
                    readFraming(in);
            }
        }
    }

    /** Feeds framing bytes to the state machine until the state leaves the framing or the input runs out. */
    private void readFraming(InputBuffer in) {
        byte[] a = in.array();
        int start = in.start();
        int p = start;
        int end = in.end();
        while (p < end && state != State.DATA && state != State.TRAILERS) {
            framingByte(a[p++]);
        }
        in.consume(p - start);
    }

    private void framingByte(byte b) {
        switch (state) {
            case SIZE -> sizeByte(b);
            case EXTENSION -> extensionByte(b);
            case SIZE_LF -> sizeLineEnd(b);
            case DATA_CR -> expect(b, '\r', State.DATA_LF);
            case DATA_LF -> expect(b, '\n', State.SIZE);
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** chunk-size = 1*HEXDIG. */
    private void sizeByte(byte b) {
        if (b != '\r') {
            countLineByte();
        }
        int digit = ByteClass.hexValue(b);
        if (digit >= 0) {
            if (chunkSize > (Long.MAX_VALUE >> 4)) {
                throw HttpProtocolException.badRequest("the chunk size overflows");
            }
            chunkSize = (chunkSize << 4) | digit;
            sizeDigits++;
            return;
        }
        if (sizeDigits == 0) {
            throw HttpProtocolException.badRequest("a chunk size line without a hexadecimal size");
        }
        if (b == '\r') {
            state = State.SIZE_LF;
        } else if (b == ';' || ByteClass.isWhitespace(b)) {
            extensions.reset();
            countExtensionByte();
            extensions.accept(b);
            state = State.EXTENSION;
        } else {
            throw HttpProtocolException.badRequest("a chunk size holds a character that is not a hex digit");
        }
    }

    /**
     * chunk-ext (RFC 9112 section 7.1.1): checked by {@link ChunkExtensions}, then dropped, within the
     * line limit and the limit on all the extension bytes of this body.
     */
    private void extensionByte(byte b) {
        if (b != '\r') {
            countLineByte();
            countExtensionByte();
            extensions.accept(b);
        } else if (extensions.complete()) {
            state = State.SIZE_LF;
        } else {
            throw HttpProtocolException.badRequest("a chunk size line ends inside a chunk extension (RFC 9112 section 7.1.1)");
        }
    }

    private void sizeLineEnd(byte b) {
        if (b != '\n') {
            throw HttpProtocolException.badRequest("a chunk size line does not end in CRLF");
        }
        lineLength = 0;
        sizeDigits = 0;
        if (chunkSize == 0) {
            state = State.TRAILERS;
            trailers.reset(0);
            return;
        }
        if (chunkSize > maxBodySize - total) {
            throw HttpProtocolException.contentTooLarge("the chunked body is over the limit of " + maxBodySize + " bytes");
        }
        state = State.DATA;
    }

    private void expect(byte b, char wanted, State next) {
        if (b != wanted) {
            throw HttpProtocolException.badRequest("chunk data is not followed by exactly CRLF");
        }
        state = next;
    }

    private void countLineByte() {
        if (++lineLength > maxLineLength) {
            throw HttpProtocolException.badRequest("a chunk size line longer than " + maxLineLength + " bytes");
        }
    }

    /**
     * Extensions cost the server work but carry nothing to the application, and one chunk line
     * after another each under the line limit would otherwise be unbounded in total (Go
     * CVE-2023-39326, Node CVE-2024-22019): every byte after the size, up to the CR, counts.
     */
    private void countExtensionByte() {
        if (++extensionBytes > maxExtensionsSize) {
            throw HttpProtocolException.badRequest("the chunk extensions of this request are over the limit of "
                    + maxExtensionsSize + " bytes");
        }
    }

    private HttpEvent data(InputBuffer in, BodyDelivery delivery) {
        int n = (int) Math.min(in.size(), chunkSize);
        if (n == 0) {
            return null;
        }
        HttpEvent piece = in.takeBody(n, delivery);
        chunkSize -= n;
        total += n;
        if (chunkSize == 0) {
            state = State.DATA_CR;
        }
        return piece;
    }

    /**
     * The trailer section, refused when it holds a field the codec reads itself: RFC 9110 section
     * 6.5.1 forbids sending framing, routing and control fields as trailers, and an application or
     * proxy that merged one into the head after the body was framed would act on a second framing
     * (Tomcat CVE-2023-45648 is this family).
     */
    private HttpEvent trailerSection(InputBuffer in) {
        byte[] b = in.array();
        int base = in.start();
        int end = trailers.read(b, base, in.end() - base);
        if (end < 0) {
            return null;
        }
        Headers fields = trailers.fields(b, base);
        if (!fields.isEmpty() && fields.framingFields() != 0) {
            throw HttpProtocolException.badRequest("a trailer field names framing, routing or connection control "
                    + "(Content-Length, Transfer-Encoding, Host, Connection or Expect; RFC 9110 section 6.5.1)");
        }
        in.consume(end);
        state = State.DONE;
        return fields.isEmpty() ? EndOfMessage.NO_TRAILERS : new EndOfMessage(fields);
    }

    @Override
    public void endOfInput() {
        if (state != State.DONE) {
            throw HttpProtocolException.badRequest("the connection ended inside a chunked body");
        }
    }

    @Override
    public long remaining() {
        return state == State.DONE ? 0 : -1;
    }
}
