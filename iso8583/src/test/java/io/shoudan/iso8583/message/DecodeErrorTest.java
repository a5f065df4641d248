package io.shoudan.iso8583.message;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.spec.CupPosSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way an image can be wrong is reported as the field, the byte offset and the problem. */
class DecodeErrorTest {

    private static final Iso8583Codec CUP = new Iso8583Codec(CupPosSpec.create());
    private static final String ECHO = "0820" + "0000000000C00010" + "3132333435363738"
            + "313233343536373839303132333435" + "0011" + "000000013010";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "empty image,                         '',                                            0,  0, TRUNCATED",
            "one byte of MTI,                     08,                                            0,  0, TRUNCATED",
            "MTI not BCD,                         0A200000000000000000,                          0,  0, BAD_CONTENT",
            "bitmap cut short,                    08000020,                                      1,  2, TRUNCATED",
            "secondary bitmap in a 64-field spec, 08008000000000000000,                          1,  2, FIELD_NOT_IN_SPEC",
            "field 5 is not in the CUP spec,      08000800000000000000000000000000,              5, 10, FIELD_NOT_IN_SPEC",
            "field 2 missing entirely,            08004000000000000000,                          2, 10, TRUNCATED",
            "field 2 prefix 20 over maximum 19,   0800400000000000000020,                        2, 10, LENGTH_OVER_MAXIMUM",
            "field 2 prefix not BCD,              080040000000000000001A,                        2, 10, BAD_LENGTH_PREFIX",
            "field 2 ends early,                  08004000000000000000196222021234,              2, 11, TRUNCATED",
            "field 2 pad nibble A,                080040000000000000000362A2,                    2, 12, BAD_CONTENT",
            "field 3 digit A,                     080020000000000000000A0000,                    3, 10, BAD_CONTENT",
            "field 60 prefix 999 over 17,         0800000000000000001009990000,                 60, 10, LENGTH_OVER_MAXIMUM",
            "field 60 LLL prefix high byte 0x10,  080000000000000000101000,                     60, 10, BAD_LENGTH_PREFIX",
            "field 35 nibble E,                   080000000000200000000362E2,                   35, 12, BAD_CONTENT",
            "field 64 truncated,                  08000000000000000001A1B2C3,                   64, 10, TRUNCATED",
    })
    void aBrokenImageNamesTheFieldTheOffsetAndTheProblem(String why, String hex, int field, int offset,
                                                        DecodeError.Problem problem) {
        UnpackOutcome outcome = CUP.unpack(Hex.decode(hex));
        assertThat(outcome).isInstanceOfSatisfying(DecodeError.class, e -> {
            assertThat(e.field()).as("field").isEqualTo(field);
            assertThat(e.offset()).as("offset").isEqualTo(offset);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }

    @Test
    void bytesAfterTheLastFieldAreNamedWithTheLastFieldAndWhereTheyStart() {
        UnpackOutcome outcome = CUP.unpack(Hex.decode(ECHO + "00"));
        assertThat(outcome).isEqualTo(new DecodeError(60, ECHO.length() / 2, DecodeError.Problem.TRAILING_BYTES, "1 bytes"));
    }

    @Test
    void theErrorMessageIsBilingualAndNamesFieldAndOffset() {
        DecodeError e = (DecodeError) CUP.unpack(Hex.decode("0800400000000000000020"));
        assertThat(e.message())
                .isEqualTo("field 2 at byte 10: length prefix exceeds the field's maximum (20 > 19) / 第2域（偏移10）：长度超过上限");
    }

    @Test
    void unpackOrThrowRaisesTheTypedExceptionCarryingTheError() {
        assertThatThrownBy(() -> CUP.unpackOrThrow(Hex.decode("0800400000000000000020")))
                .isInstanceOfSatisfying(Iso8583DecodeException.class,
                        ex -> assertThat(ex.error().field()).isEqualTo(2));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "field {0} reads as {1}")
    @CsvSource({"3, 0", "4, 10000", "11, 123", "22, 51", "13, 1123"})
    void numericFieldsReadAsNumbersWithoutTheirPadding(int field, long expected) {
        Iso8583Codec iso = new Iso8583Codec(io.shoudan.iso8583.spec.Iso87BinarySpec.create());
        ParsedMessage m = iso.unpackOrThrow(Hex.decode(
                "0200" + "7028040000000000" + "19" + "62220212345678901230" + "000000" + "000000010000"
                        + "000123" + "1123" + "0051"));
        assertThat(m.getLong(field)).isEqualTo(expected);
        // 19 digits do not fit a long: refused rather than overflowed.
        assertThatThrownBy(() -> m.getLong(2)).hasMessage("field 2 has 19 digits, more than a long holds");
    }

    @Test
    void aValidImageInsideALargerBufferIsReadFromItsOffset() {
        byte[] echo = Hex.decode(ECHO);
        byte[] buffer = new byte[echo.length + 10];
        System.arraycopy(echo, 0, buffer, 7, echo.length);
        ParsedMessage m = (ParsedMessage) CUP.unpack(buffer, 7, echo.length);
        assertThat(m.mti()).isEqualTo("0820");
        assertThat(m.getString(60)).isEqualTo("00000001301");
        assertThat(m.fieldOffset(41)).isEqualTo(7 + 10);
    }
}
