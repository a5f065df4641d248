package io.shoudan.iso8583.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Optional;

/**
 * A text field's bytes as a person reads them, in the charset its spec names ({@code MessageSpec#textCharset}):
 * only when every byte belongs to a printable character and the text encodes back to exactly those bytes, so that
 * whoever turns the text into bytes again gets the same image. Anything else (a control byte, a broken GBK pair)
 * has no faithful text and is shown as hex by the caller.
 */
public final class FieldText {
    private FieldText() {
    }

    /** The text {@code bytes} spell in {@code charset}, or empty when they are not printable text in it. */
    public static Optional<String> readable(byte[] bytes, Charset charset) {
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c) || !Character.isDefined(c) || Character.getType(c) == Character.PRIVATE_USE) {
                return Optional.empty();
            }
            i += Character.charCount(c);
        }
        Optional<byte[]> back = encoded(text, charset);
        return back.isPresent() && Arrays.equals(back.get(), bytes) ? Optional.of(text) : Optional.empty();
    }

    /**
     * The bytes of {@code text} in {@code charset}.
     *
     * @throws InvalidFieldException naming the field and the first character the charset cannot write
     */
    public static byte[] bytes(int field, String text, Charset charset) {
        Optional<byte[]> encoded = encoded(text, charset);
        if (encoded.isPresent()) {
            return encoded.get();
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!charset.newEncoder().canEncode(new String(Character.toChars(c)))) {
                throw new InvalidFieldException(field, "character " + (i + 1) + " (" + new String(Character.toChars(c))
                        + ") cannot be written in " + charset.name() + "; give the bytes as {\"hex\": \"...\"}");
            }
            i += Character.charCount(c);
        }
        throw new InvalidFieldException(field, "the text cannot be written in " + charset.name());
    }

    private static Optional<byte[]> encoded(String text, Charset charset) {
        try {
            ByteBuffer out = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return Optional.of(bytes);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
