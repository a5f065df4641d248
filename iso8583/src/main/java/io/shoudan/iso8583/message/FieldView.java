package io.shoudan.iso8583.message;

import io.shoudan.iso8583.spec.MessageSpec;

/** Read access shared by a message being built and a message just unpacked. */
public interface FieldView {
    MessageSpec spec();

    /** The four-digit message type indicator, e.g. {@code 0200}. */
    String mti();

    boolean has(int field);

    /** Field numbers present, ascending. */
    int[] fieldNumbers();

    /**
     * The value as text: digits for numeric fields, track symbols with {@code =} for track fields, ISO-8859-1
     * text for text fields, upper-case hex for binary fields. {@code null} when absent.
     */
    String getString(int field);

    /** The content bytes as on the wire, without the length prefix (a copy). {@code null} when absent. */
    byte[] getBytes(int field);
}
