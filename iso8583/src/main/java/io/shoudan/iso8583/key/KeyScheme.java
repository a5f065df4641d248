package io.shoudan.iso8583.key;

/**
 * The key set a terminal uses, which fixes the field 62 layout of the sign-on response. Chosen per terminal by
 * configuration, never guessed from the field length (TDES and SM4 are both 40 bytes).
 */
public enum KeyScheme {
    /** Single-length DES PIK and MAK: PIK(8) + KCV(4) + MAK(8) + KCV(4) = 24 bytes. */
    SINGLE_DES(24),
    /** Double-length 3DES PIK, single-length MAK: PIK(16) + KCV(4) + MAK(8) + 8×00 + KCV(4) = 40 bytes. */
    TDES(40),
    /** SM4 (国密) PIK and MAK: PIK(16) + KCV(4) + MAK(16) + KCV(4) = 40 bytes. */
    SM4(40);

    private final int field62Bytes;

    KeyScheme(int field62Bytes) {
        this.field62Bytes = field62Bytes;
    }

    public int field62Bytes() {
        return field62Bytes;
    }

    int pikBytes() {
        return this == SINGLE_DES ? 8 : 16;
    }

    int makBytes() {
        return this == SM4 ? 16 : 8;
    }

    /** Bytes the MAK takes in field 62, including the zero filler of the TDES layout. */
    int makSlotBytes() {
        return this == TDES ? 16 : makBytes();
    }

    SymmetricKey key(byte[] clear) {
        return this == SM4 ? Sm4Key.of(clear) : DesKey.of(clear);
    }
}
