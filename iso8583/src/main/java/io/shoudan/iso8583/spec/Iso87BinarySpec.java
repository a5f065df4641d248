package io.shoudan.iso8583.spec;

import static io.shoudan.iso8583.spec.Fields.ascii;
import static io.shoudan.iso8583.spec.Fields.bcd;
import static io.shoudan.iso8583.spec.Fields.binary;
import static io.shoudan.iso8583.spec.Fields.varAscii;
import static io.shoudan.iso8583.spec.Fields.varBcd;
import static io.shoudan.iso8583.spec.Fields.varBinary;
import static io.shoudan.iso8583.spec.Fields.varTrack;
import static io.shoudan.iso8583.spec.LengthType.LLLVAR;
import static io.shoudan.iso8583.spec.LengthType.LLVAR;

/**
 * The plain ISO 8583:1987 binary layout ("ISO87 binary") most libraries ship: BCD MTI, binary bitmaps, numeric
 * fields in BCD (fixed ones right-justified, variable ones left-justified and padded with 0), LL/LLL prefixes in
 * BCD, alphanumeric fields in ASCII, field 55 binary. Images packed with it compare byte for byte with the
 * public vector the tests keep in {@code iso8583/src/test/resources/vectors/iso87b-sale-vector.json}.
 *
 * <p>Not defined: the signed amounts 28–31 and 97 (x+n, a 'C'/'D' sign character then digits); a message
 * carrying them is refused with a clean "field not in spec" error rather than guessed at.
 */
public final class Iso87BinarySpec {
    private Iso87BinarySpec() {
    }

    public static MessageSpec create() {
        MessageSpec.Builder b = MessageSpec.builder("iso87b", Encoding.BCD);
        b.field(varBcd(2, "Primary account number", LLVAR, 19, Sensitivity.PAN));
        b.field(bcd(3, "Processing code", 6));
        b.field(bcd(4, "Amount, transaction", 12));
        b.field(bcd(5, "Amount, settlement", 12));
        b.field(bcd(6, "Amount, cardholder billing", 12));
        b.field(bcd(7, "Transmission date and time", 10));
        b.field(bcd(8, "Amount, cardholder billing fee", 8));
        b.field(bcd(9, "Conversion rate, settlement", 8));
        b.field(bcd(10, "Conversion rate, cardholder billing", 8));
        b.field(bcd(11, "System trace audit number", 6));
        b.field(bcd(12, "Time, local transaction", 6));
        b.field(bcd(13, "Date, local transaction", 4));
        b.field(bcd(14, "Date, expiration", 4));
        b.field(bcd(15, "Date, settlement", 4));
        b.field(bcd(16, "Date, conversion", 4));
        b.field(bcd(17, "Date, capture", 4));
        b.field(bcd(18, "Merchant type", 4));
        b.field(bcd(19, "Acquiring institution country code", 3));
        b.field(bcd(20, "PAN extended country code", 3));
        b.field(bcd(21, "Forwarding institution country code", 3));
        b.field(bcd(22, "Point of service entry mode", 3));
        b.field(bcd(23, "Card sequence number", 3));
        b.field(bcd(24, "Network international identifier", 3));
        b.field(bcd(25, "Point of service condition code", 2));
        b.field(bcd(26, "Point of service PIN capture code", 2));
        b.field(bcd(27, "Authorization identification response length", 1));
        b.field(varBcd(32, "Acquiring institution identification code", LLVAR, 11, Sensitivity.PUBLIC));
        b.field(varBcd(33, "Forwarding institution identification code", LLVAR, 11, Sensitivity.PUBLIC));
        b.field(new FieldSpec(34, "Primary account number, extended", LLVAR, 28, Content.TEXT, Encoding.ASCII,
                Encoding.BCD, Justify.LEFT, 0, Sensitivity.PAN));
        b.field(varTrack(35, "Track 2 data", LLVAR, 37));
        b.field(new FieldSpec(36, "Track 3 data", LLLVAR, 104, Content.TEXT, Encoding.ASCII,
                Encoding.BCD, Justify.LEFT, 0, Sensitivity.TRACK));
        b.field(ascii(37, "Retrieval reference number", 12));
        b.field(ascii(38, "Authorization identification response", 6));
        b.field(ascii(39, "Response code", 2));
        b.field(ascii(40, "Service restriction code", 3));
        b.field(ascii(41, "Card acceptor terminal identification", 8));
        b.field(ascii(42, "Card acceptor identification code", 15));
        b.field(ascii(43, "Card acceptor name/location", 40));
        b.field(varAscii(44, "Additional response data", LLVAR, 25));
        b.field(new FieldSpec(45, "Track 1 data", LLVAR, 76, Content.TEXT, Encoding.ASCII,
                Encoding.BCD, Justify.LEFT, 0, Sensitivity.TRACK));
        b.field(varAscii(46, "Additional data - ISO", LLLVAR, 999));
        b.field(varAscii(47, "Additional data - national", LLLVAR, 999));
        b.field(varAscii(48, "Additional data - private", LLLVAR, 999));
        b.field(ascii(49, "Currency code, transaction", 3));
        b.field(ascii(50, "Currency code, settlement", 3));
        b.field(ascii(51, "Currency code, cardholder billing", 3));
        b.field(binary(52, "Personal identification number data", 8, Sensitivity.SECRET));
        b.field(bcd(53, "Security related control information", 16));
        b.field(varAscii(54, "Additional amounts", LLLVAR, 120));
        b.field(varBinary(55, "ICC data (EMV)", LLLVAR, 999, Sensitivity.ICC));
        for (int n = 56; n <= 63; n++) {
            b.field(varAscii(n, n <= 59 ? "Reserved ISO/national" : "Reserved private", LLLVAR, 999));
        }
        b.field(binary(64, "Message authentication code", 8, Sensitivity.PUBLIC));
        b.field(binary(65, "Bitmap, extended", 1, Sensitivity.PUBLIC));
        b.field(bcd(66, "Settlement code", 1));
        b.field(bcd(67, "Extended payment code", 2));
        b.field(bcd(68, "Receiving institution country code", 3));
        b.field(bcd(69, "Settlement institution country code", 3));
        b.field(bcd(70, "Network management information code", 3));
        b.field(bcd(71, "Message number", 4));
        b.field(bcd(72, "Message number, last", 4));
        b.field(bcd(73, "Date, action", 6));
        String[] counts = {"Credits, number", "Credits, reversal number", "Debits, number", "Debits, reversal number",
                "Transfer, number", "Transfer, reversal number", "Inquiries, number", "Authorizations, number"};
        for (int i = 0; i < counts.length; i++) {
            b.field(bcd(74 + i, counts[i], 10));
        }
        String[] amounts = {"Credits, processing fee amount", "Credits, transaction fee amount",
                "Debits, processing fee amount", "Debits, transaction fee amount"};
        for (int i = 0; i < amounts.length; i++) {
            b.field(bcd(82 + i, amounts[i], 12));
        }
        String[] totals = {"Credits, amount", "Credits, reversal amount", "Debits, amount", "Debits, reversal amount"};
        for (int i = 0; i < totals.length; i++) {
            b.field(bcd(86 + i, totals[i], 16));
        }
        b.field(bcd(90, "Original data elements", 42));
        b.field(ascii(91, "File update code", 1));
        b.field(ascii(92, "File security code", 2));
        b.field(ascii(93, "Response indicator", 5));
        b.field(ascii(94, "Service indicator", 7));
        b.field(ascii(95, "Replacement amounts", 42));
        b.field(binary(96, "Message security code", 8, Sensitivity.SECRET));
        b.field(ascii(98, "Payee", 25));
        b.field(varBcd(99, "Settlement institution identification code", LLVAR, 11, Sensitivity.PUBLIC));
        b.field(varBcd(100, "Receiving institution identification code", LLVAR, 11, Sensitivity.PUBLIC));
        b.field(varAscii(101, "File name", LLVAR, 17));
        b.field(varAscii(102, "Account identification 1", LLVAR, 28));
        b.field(varAscii(103, "Account identification 2", LLVAR, 28));
        b.field(varAscii(104, "Transaction description", LLLVAR, 100));
        for (int n = 105; n <= 127; n++) {
            b.field(varAscii(n, n <= 111 ? "Reserved ISO" : n <= 119 ? "Reserved national" : "Reserved private", LLLVAR, 999));
        }
        b.field(binary(128, "Message authentication code", 8, Sensitivity.PUBLIC));
        return b.build();
    }
}
