package io.shoudan.iso8583.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The CUP POS field table as published (docs/ISO8583.md, with its sources): format, encoding, justification. */
class CupPosSpecTest {

    private static final MessageSpec CUP = CupPosSpec.create();

    @ParameterizedTest(name = "field {0} is {1}, {2}")
    @CsvSource({
            "2,  LLVAR n..19,   BCD,    LEFT",
            "3,  n6,            BCD,    RIGHT",
            "4,  n12,           BCD,    RIGHT",
            "11, n6,            BCD,    RIGHT",
            "12, n6,            BCD,    RIGHT",
            "13, n4,            BCD,    RIGHT",
            "14, n4,            BCD,    RIGHT",
            "15, n4,            BCD,    RIGHT",
            "22, n3,            BCD,    LEFT",
            "23, n3,            BCD,    RIGHT",
            "25, n2,            BCD,    RIGHT",
            "26, n2,            BCD,    RIGHT",
            "32, LLVAR n..11,   BCD,    LEFT",
            "35, LLVAR z..37,   BCD,    LEFT",
            "36, LLLVAR z..104, BCD,    LEFT",
            "37, ans12,         ASCII,  LEFT",
            "38, ans6,          ASCII,  LEFT",
            "39, ans2,          ASCII,  LEFT",
            "41, ans8,          ASCII,  LEFT",
            "42, ans15,         ASCII,  LEFT",
            "44, LLVAR ans..25, ASCII,  LEFT",
            "48, LLLVAR n..322, BCD,    LEFT",
            "49, ans3,          ASCII,  LEFT",
            "52, b64,           BINARY, LEFT",
            "53, n16,           BCD,    RIGHT",
            "54, LLLVAR ans..20, ASCII, LEFT",
            "55, LLLVAR b..255, BINARY, LEFT",
            "60, LLLVAR n..17,  BCD,    LEFT",
            "61, LLLVAR n..29,  BCD,    LEFT",
            "62, LLLVAR b..512, BINARY, LEFT",
            "63, LLLVAR ans..163, ASCII, LEFT",
            "64, b64,           BINARY, LEFT",
    })
    void everyFieldHasThePublishedFormat(int number, String format, Encoding encoding, Justify justify) {
        FieldSpec f = CUP.field(number);
        assertThat(f.format()).isEqualTo(format);
        assertThat(f.encoding()).isEqualTo(encoding);
        assertThat(f.justify()).isEqualTo(justify);
        if (f.lengthType() != LengthType.FIXED) {
            assertThat(f.prefixEncoding()).as("length prefixes are BCD").isEqualTo(Encoding.BCD);
        }
    }

    @Test
    void onlyThePublishedFieldsExistAndThereIsNoSecondaryBitmap() {
        assertThat(CUP.fields()).extracting(FieldSpec::number).containsExactly(
                2, 3, 4, 11, 12, 13, 14, 15, 22, 23, 25, 26, 32, 35, 36, 37, 38, 39, 41, 42, 44, 48, 49, 52, 53, 54, 55,
                60, 61, 62, 63, 64);
        assertThat(CUP.allowsSecondaryBitmap()).isFalse();
    }

    @Test
    void cardDataPinBlocksAndKeysAreMarkedForMasking() {
        assertThat(CUP.field(2).sensitivity()).isEqualTo(Sensitivity.PAN);
        assertThat(CUP.field(35).sensitivity()).isEqualTo(Sensitivity.TRACK);
        assertThat(CUP.field(36).sensitivity()).isEqualTo(Sensitivity.TRACK);
        assertThat(CUP.field(52).sensitivity()).isEqualTo(Sensitivity.SECRET);
        assertThat(CUP.field(55).sensitivity()).isEqualTo(Sensitivity.ICC);
        assertThat(CUP.field(62).sensitivity()).isEqualTo(Sensitivity.SECRET);
    }

    @Test
    void field60SplitsIntoItsSubFields() {
        assertThat(SubFieldSpec.split(CUP.subFields(60), "2200000100050"))
                .extracting(p -> p.spec().id() + "=" + p.value())
                .containsExactly("60.1=22", "60.2=000001", "60.3=000", "60.4=5", "60.5=0");
    }
}
