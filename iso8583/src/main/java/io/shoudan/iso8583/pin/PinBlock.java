package io.shoudan.iso8583.pin;

import io.shoudan.iso8583.key.DesKey;

import java.util.Arrays;
import java.util.Objects;

/**
 * ISO 9564-1 format 0 (ANSI X9.8) PIN blocks, the form field 52 carries under the terminal PIN key (TPK/PIK).
 *
 * <p>Clear block = PIN field {@code 0 | length | PIN digits | F…F} XOR PAN field {@code 0000 | the 12 rightmost PAN
 * digits excluding the check digit}. Field 52 is that block encrypted with the TPK (DES or 3DES ECB).
 */
public final class PinBlock {
    private PinBlock() {
    }

    /** The clear format 0 block (8 bytes). Wipe it after use. */
    public static byte[] clearFormat0(Pin pin, Pan pan) {
        byte[] pinField = new byte[8];
        Arrays.fill(pinField, (byte) 0xFF);
        int n = pin.length();
        setNibble(pinField, 0, 0);
        setNibble(pinField, 1, n);
        for (int i = 0; i < n; i++) {
            setNibble(pinField, 2 + i, pin.digit(i));
        }
        byte[] panField = panField(pan);
        for (int i = 0; i < 8; i++) {
            pinField[i] ^= panField[i];
        }
        return pinField;
    }

    /** Field 52: the format 0 block encrypted under {@code tpk}. */
    public static byte[] encryptFormat0(DesKey tpk, Pin pin, Pan pan) {
        Objects.requireNonNull(tpk, "tpk");
        byte[] clear = clearFormat0(pin, pan);
        try {
            return tpk.encryptEcb(clear);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** What decrypting a field 52 gives. */
    public sealed interface Outcome {
    }

    public record Recovered(Pin pin) implements Outcome {
    }

    /** Not a format 0 block for this PAN under this key (wrong key, wrong PAN or corrupt). */
    public record NotFormat0(Problem problem) implements Outcome {
    }

    public enum Problem {
        WRONG_LENGTH,
        NOT_FORMAT_0,
        BAD_PIN_LENGTH,
        BAD_DIGIT,
        BAD_FILLER
    }

    /** Decrypts field 52 under {@code tpk} and checks it is a well-formed format 0 block for {@code pan}. */
    public static Outcome decryptFormat0(DesKey tpk, byte[] field52, Pan pan) {
        if (field52.length != 8) {
            return new NotFormat0(Problem.WRONG_LENGTH);
        }
        byte[] block = tpk.decryptEcb(field52);
        try {
            byte[] panField = panField(pan);
            for (int i = 0; i < 8; i++) {
                block[i] ^= panField[i];
            }
            if (nibble(block, 0) != 0) {
                return new NotFormat0(Problem.NOT_FORMAT_0);
            }
            int n = nibble(block, 1);
            if (n < 4 || n > 12) {
                return new NotFormat0(Problem.BAD_PIN_LENGTH);
            }
            char[] digits = new char[n];
            for (int i = 0; i < n; i++) {
                int d = nibble(block, 2 + i);
                if (d > 9) {
                    return new NotFormat0(Problem.BAD_DIGIT);
                }
                digits[i] = (char) ('0' + d);
            }
            for (int i = 2 + n; i < 16; i++) {
                if (nibble(block, i) != 0xF) {
                    return new NotFormat0(Problem.BAD_FILLER);
                }
            }
            Pin pin = Pin.of(new String(digits));
            Arrays.fill(digits, '\0');
            return new Recovered(pin);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    private static byte[] panField(Pan pan) {
        String twelve = pan.rightmost12ExcludingCheckDigit();
        byte[] f = new byte[8];
        for (int i = 0; i < 12; i++) {
            setNibble(f, 4 + i, twelve.charAt(i) - '0');
        }
        return f;
    }

    private static void setNibble(byte[] b, int index, int value) {
        int i = index >>> 1;
        if ((index & 1) == 0) {
            b[i] = (byte) ((b[i] & 0x0F) | (value << 4));
        } else {
            b[i] = (byte) ((b[i] & 0xF0) | value);
        }
    }

    private static int nibble(byte[] b, int index) {
        int v = b[index >>> 1] & 0xFF;
        return (index & 1) == 0 ? v >>> 4 : v & 0xF;
    }
}
