package io.shoudan.iso8583.key;

import java.util.Arrays;
import java.util.Objects;

/**
 * Field 62 of the sign-on response (0810): the new working keys encrypted under the terminal master key (TMK),
 * each followed by the check value of the clear key, so the terminal can tell a wrong TMK from a good download.
 *
 * <pre>
 *   SINGLE_DES  PIK(8)  + KCV(4) + MAK(8)          + KCV(4)   = 24 bytes
 *   TDES        PIK(16) + KCV(4) + MAK(8) + 8×00   + KCV(4)   = 40 bytes
 *   SM4         PIK(16) + KCV(4) + MAK(16)         + KCV(4)   = 40 bytes
 * </pre>
 */
public final class Field62KeyDownload {
    private Field62KeyDownload() {
    }

    /** Host side: the field 62 bytes for {@code keys} under {@code tmk}. */
    public static byte[] encode(SymmetricKey tmk, WorkingKeys keys) {
        Objects.requireNonNull(tmk, "tmk");
        KeyScheme scheme = keys.scheme();
        requireTmkFits(tmk, scheme);
        byte[] out = new byte[scheme.field62Bytes()];
        byte[] pik = keys.pik().bytes();
        byte[] mak = keys.mak().bytes();
        try {
            int p = 0;
            byte[] encPik = tmk.encryptEcb(pik);
            System.arraycopy(encPik, 0, out, p, encPik.length);
            p += encPik.length;
            System.arraycopy(keys.pik().checkValue().bytes(), 0, out, p, 4);
            p += 4;
            byte[] encMak = tmk.encryptEcb(mak);
            System.arraycopy(encMak, 0, out, p, encMak.length);
            p += scheme.makSlotBytes();
            System.arraycopy(keys.mak().checkValue().bytes(), 0, out, p, 4);
            return out;
        } finally {
            Arrays.fill(pik, (byte) 0);
            Arrays.fill(mak, (byte) 0);
        }
    }

    /** What a terminal makes of field 62. */
    public sealed interface Outcome {
    }

    /** The keys were decrypted and both check values matched. */
    public record Installed(WorkingKeys keys) implements Outcome {
    }

    /** The download was refused; the keys must not be used. */
    public record Refused(Reason reason) implements Outcome {
    }

    public enum Reason {
        WRONG_LENGTH,
        PIK_CHECK_VALUE_MISMATCH,
        MAK_CHECK_VALUE_MISMATCH,
        FILLER_NOT_ZERO
    }

    /** Terminal side (and tests, and the simulator): decrypts and checks the keys in field 62. */
    public static Outcome decode(SymmetricKey tmk, KeyScheme scheme, byte[] field62) {
        requireTmkFits(tmk, scheme);
        if (field62.length != scheme.field62Bytes()) {
            return new Refused(Reason.WRONG_LENGTH);
        }
        int p = 0;
        byte[] pik = tmk.decryptEcb(Arrays.copyOfRange(field62, p, p + scheme.pikBytes()));
        p += scheme.pikBytes();
        SymmetricKey pikKey = scheme.key(pik);
        Arrays.fill(pik, (byte) 0);
        if (!pikKey.checkValue().matches(field62, p)) {
            return new Refused(Reason.PIK_CHECK_VALUE_MISMATCH);
        }
        p += 4;
        byte[] mak = tmk.decryptEcb(Arrays.copyOfRange(field62, p, p + scheme.makBytes()));
        SymmetricKey makKey = scheme.key(mak);
        Arrays.fill(mak, (byte) 0);
        for (int i = p + scheme.makBytes(); i < p + scheme.makSlotBytes(); i++) {
            if (field62[i] != 0) {
                return new Refused(Reason.FILLER_NOT_ZERO);
            }
        }
        p += scheme.makSlotBytes();
        if (!makKey.checkValue().matches(field62, p)) {
            return new Refused(Reason.MAK_CHECK_VALUE_MISMATCH);
        }
        return new Installed(new WorkingKeys(scheme, pikKey, makKey));
    }

    private static void requireTmkFits(SymmetricKey tmk, KeyScheme scheme) {
        if ((scheme == KeyScheme.SM4) != (tmk instanceof Sm4Key)) {
            throw new IllegalArgumentException("TMK algorithm does not fit scheme " + scheme);
        }
    }
}
