package io.shoudan.iso8583.key;

/** A stored key could not be opened: the store or the configuration is broken. Never carries key bytes. */
public final class KeyIntegrityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyIntegrityException(String message) {
        super(message);
    }
}
