package io.shoudan.iso8583.spec;

/** Shorthands for declaring fields in spec tables; each names its wire form explicitly. */
public final class Fields {
    private Fields() {
    }

    /** Fixed numeric in BCD, right-justified (odd digit counts start with a 0 nibble). */
    public static FieldSpec bcd(int number, String name, int digits) {
        return new FieldSpec(number, name, LengthType.FIXED, digits, Content.NUMERIC, Encoding.BCD, Encoding.BCD,
                Justify.RIGHT, 0, Sensitivity.PUBLIC);
    }

    /** Fixed numeric in BCD, left-justified (odd digit counts end with a 0 nibble). */
    public static FieldSpec bcdLeft(int number, String name, int digits) {
        return new FieldSpec(number, name, LengthType.FIXED, digits, Content.NUMERIC, Encoding.BCD, Encoding.BCD,
                Justify.LEFT, 0, Sensitivity.PUBLIC);
    }

    /** Variable numeric in BCD with a BCD length prefix counting digits, left-justified, padded with 0. */
    public static FieldSpec varBcd(int number, String name, LengthType type, int maxDigits, Sensitivity sensitivity) {
        return new FieldSpec(number, name, type, maxDigits, Content.NUMERIC, Encoding.BCD, Encoding.BCD,
                Justify.LEFT, 0, sensitivity);
    }

    /** Variable track data in BCD ({@code =} as nibble D) with a BCD length prefix, left-justified. */
    public static FieldSpec varTrack(int number, String name, LengthType type, int maxSymbols) {
        return new FieldSpec(number, name, type, maxSymbols, Content.TRACK, Encoding.BCD, Encoding.BCD,
                Justify.LEFT, 0, Sensitivity.TRACK);
    }

    /** Fixed text, one ASCII byte per character, padded with spaces on the right. */
    public static FieldSpec ascii(int number, String name, int chars) {
        return new FieldSpec(number, name, LengthType.FIXED, chars, Content.TEXT, Encoding.ASCII, Encoding.ASCII,
                Justify.LEFT, 0, Sensitivity.PUBLIC);
    }

    /** Variable text in ASCII with a BCD length prefix counting characters. */
    public static FieldSpec varAscii(int number, String name, LengthType type, int maxChars) {
        return new FieldSpec(number, name, type, maxChars, Content.TEXT, Encoding.ASCII, Encoding.BCD,
                Justify.LEFT, 0, Sensitivity.PUBLIC);
    }

    /** Fixed binary of {@code bytes} bytes. */
    public static FieldSpec binary(int number, String name, int bytes, Sensitivity sensitivity) {
        return new FieldSpec(number, name, LengthType.FIXED, bytes, Content.BINARY, Encoding.BINARY, Encoding.BINARY,
                Justify.LEFT, 0, sensitivity);
    }

    /** Variable binary with a BCD length prefix counting bytes. */
    public static FieldSpec varBinary(int number, String name, LengthType type, int maxBytes, Sensitivity sensitivity) {
        return new FieldSpec(number, name, type, maxBytes, Content.BINARY, Encoding.BINARY, Encoding.BCD,
                Justify.LEFT, 0, sensitivity);
    }
}
