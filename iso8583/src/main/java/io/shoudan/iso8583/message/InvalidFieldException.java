package io.shoudan.iso8583.message;

/**
 * A value refused for a field when a message is built. The message names the field and the rule broken; it
 * never contains the value (which may be a card number or a key).
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int field;

    public InvalidFieldException(int field, String problem) {
        super("field " + field + ": " + problem);
        this.field = field;
    }

    /** The field number (0 for the MTI). */
    public int field() {
        return field;
    }
}
