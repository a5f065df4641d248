package io.shoudan.iso8583.message;

/** Thrown by {@link Iso8583Codec#unpackOrThrow} for callers that prefer an exception to an outcome. */
public final class Iso8583DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DecodeError error;

    public Iso8583DecodeException(DecodeError error) {
        super(error.message());
        this.error = error;
    }

    public DecodeError error() {
        return error;
    }
}
