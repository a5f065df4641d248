package io.shoudan.server.terminal8583;

import io.shoudan.reason.Lang;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.reason.ReasonTexts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Field 63 of a declined response: 63.1 {@code CUP}, 63.2 = the reason code in ASCII, one space, then the reason's
 * Chinese message in GBK, cut at a character boundary so that 63.2 fits its 160 bytes. Example:
 * {@code CUPCONSUMER.INSUFFICIENT_FUNDS 顾客的余额为 …}. Terminals that do not know 63.2 ignore it; those that do show
 * the text under the field 39 message.
 */
public final class ReasonField {
    public static final Charset GBK = Charset.forName("GBK");
    private static final int SUB_FIELD_2_BYTES_MAX = 160;
    private static final java.util.regex.Pattern UNFILLED = java.util.regex.Pattern.compile("\\{[^}]*\\}");
    private static final byte[] CARD_ORGANISATION = "CUP".getBytes(StandardCharsets.US_ASCII);

    private ReasonField() {
    }

    /** The field 63 bytes for a reason. */
    public static byte[] encode(Reason reason) {
        byte[] code = reason.code().code().getBytes(StandardCharsets.US_ASCII);
        String text = ReasonTexts.message(reason, Lang.ZH);
        if (text.indexOf('{') >= 0) {
            // A reason from a channel carries no evidence to fill the message: the remedy says what to do instead,
            // and what is still unfilled is left out rather than shown as a template.
            String remedy = ReasonTexts.remedy(reason, Lang.ZH);
            text = remedy.indexOf('{') < 0 ? remedy : UNFILLED.matcher(text).replaceAll("");
        }
        int room = SUB_FIELD_2_BYTES_MAX - code.length - 1;
        byte[] gbk = encodeWithin(text, room);
        byte[] out = new byte[3 + code.length + 1 + gbk.length];
        System.arraycopy(CARD_ORGANISATION, 0, out, 0, 3);
        System.arraycopy(code, 0, out, 3, code.length);
        out[3 + code.length] = ' ';
        System.arraycopy(gbk, 0, out, 4 + code.length, gbk.length);
        return out;
    }

    /** Terminal side: the reason code and text in a field 63, if it carries one. */
    public static Optional<Decoded> decode(byte[] field63) {
        if (field63 == null || field63.length < 4) {
            return Optional.empty();
        }
        String rest = new String(field63, 3, field63.length - 3, GBK);
        int space = rest.indexOf(' ');
        String code = space < 0 ? rest : rest.substring(0, space);
        ReasonCode reason = ReasonCode.ofCode(code);
        return reason == null ? Optional.empty() : Optional.of(new Decoded(reason, space < 0 ? "" : rest.substring(space + 1)));
    }

    public record Decoded(ReasonCode code, String text) {
    }

    /** GBK bytes of {@code text}, at most {@code room} bytes, never half a character. */
    static byte[] encodeWithin(String text, int room) {
        CharsetEncoder encoder = GBK.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.allocate(room);
        CoderResult result = encoder.encode(CharBuffer.wrap(text), out, true);
        if (!result.isOverflow()) {
            encoder.flush(out);
        }
        return Arrays.copyOf(out.array(), out.position());
    }
}
