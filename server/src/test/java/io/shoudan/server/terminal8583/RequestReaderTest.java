package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.cup.Field60;
import io.shoudan.iso8583.message.Iso8583Codec;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.message.ParsedMessage;
import io.shoudan.iso8583.spec.CupPosSpec;
import io.shoudan.money.Money;
import io.shoudan.payment.RequestId;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TraceNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a decoded message into a typed request, or into the field that makes it a format error ({@code 30}). */
class RequestReaderTest {
    private static final Iso8583Codec CODEC = new Iso8583Codec(CupPosSpec.create());
    private static final TerminalId TID = new TerminalId("12345678");
    private static final RequestId.Terminal SALE_ID = new RequestId.Terminal(TID, new BatchNo(1), new TraceNo(7));

    private static IsoMessage message(String mti, String f3, String f60) {
        IsoMessage m = CODEC.newMessage(mti);
        if (f3 != null) {
            m.set(3, f3);
            m.set(25, "00");
        }
        m.set(4, "12345");
        m.set(11, "000007");
        m.set(41, TID.value());
        m.set(42, "123456789012345");
        m.set(60, f60);
        return m;
    }

    private static IsoMessage cardSale() {
        return message("0200", "000000", "22000001000").set(2, "6222021234567890123").set(22, "021");
    }

    private static TerminalRequest read(IsoMessage m) {
        return RequestReader.read((ParsedMessage) CODEC.unpack(CODEC.pack(m)));
    }

    @Test
    void aCardSaleIsReadWithItsRequestIdAmountAndCard() {
        TerminalRequest.Sale sale = (TerminalRequest.Sale) read(cardSale());

        assertThat(sale.id()).isEqualTo(SALE_ID);
        assertThat(sale.amount()).isEqualTo(Money.ofFen(12_345));
        assertThat(sale.card().pan().toString()).doesNotContain("6222021234567890123");
        assertThat(sale.card().entryMode()).isEqualTo("021");
        assertThat(sale.card().pik()).isNull();
    }

    @Test
    void aCardSaleByTrack2TakesThePanBeforeTheSeparator() {
        IsoMessage m = cardSale().unset(2).set(35, "6222021234567890123=28121011234");

        TerminalRequest.Sale sale = (TerminalRequest.Sale) read(m);

        assertThat(sale.card().pan()).isEqualTo(new io.shoudan.iso8583.pin.Pan("6222021234567890123"));
        assertThat(sale.card().track2()).isEqualTo("6222021234567890123=28121011234");
    }

    @Test
    void aSaleWithACodeInField48AndNoCardIsAScanSaleThatDoesNotPrintTheCode() {
        IsoMessage m = message("0200", "000000", "22000001000").set(48, "281234567890123456");

        TerminalRequest.ScanSale scan = (TerminalRequest.ScanSale) read(m);

        assertThat(scan.id()).isEqualTo(SALE_ID);
        assertThat(scan.code()).isEqualTo("281234567890123456");
        assertThat(scan.toString()).doesNotContain("281234567890123456");
    }

    @Test
    void aVoidAndARefundNameTheirOriginalThroughField61() {
        IsoMessage voidSale = message("0200", "200000", "23000001000").set(61, "000001000003");
        IsoMessage refund = message("0220", "200000", "25000001000").set(61, "0000010000031123");
        RequestId.Terminal original = new RequestId.Terminal(TID, new BatchNo(1), new TraceNo(3));

        assertThat(read(voidSale)).isEqualTo(new TerminalRequest.Void(SALE_ID, original, Money.ofFen(12_345)));
        assertThat(read(refund)).isEqualTo(new TerminalRequest.Refund(SALE_ID, original, Money.ofFen(12_345)));
    }

    @ParameterizedTest(name = "0400 of {0} {1} reverses {2}")
    @CsvSource({"000000, 22, SALE", "200000, 23, VOID", "200000, 25, REFUND"})
    void aReversalCarriesItsOriginalsIdAndKind(String f3, String type, BatchJournal.Kind kind) {
        IsoMessage m = message("0400", f3, type + "000001000");

        assertThat(read(m)).isEqualTo(new TerminalRequest.Reversal(kind, SALE_ID, Money.ofFen(12_345)));
    }

    @Test
    void settlementAndBatchUploadCarryTheirBatchAndField48() {
        SettlementTotals totals = new SettlementTotals(13_000, 2, 4_000, 1, '0', 0, 0, 0, 0, '0');
        List<SettlementTotals.Uploaded> upload = List.of(new SettlementTotals.Uploaded(new TraceNo(3), Money.ofFen(100)));

        assertThat(read(message("0500", null, "00000001201").set(48, totals.format())))
                .isEqualTo(new TerminalRequest.Settlement(new BatchNo(1), totals));
        assertThat(read(message("0320", null, "00000001201").set(48, SettlementTotals.formatUpload(upload))))
                .isEqualTo(new TerminalRequest.BatchUpload(new BatchNo(1), upload));
    }

    @Test
    void networkManagementIsToldBy60Point3() {
        assertThat(read(message("0800", null, "00000001003"))).isEqualTo(new TerminalRequest.SignOn(Field60.parse("00000001003")));
        assertThat(read(message("0820", null, "00000001301"))).isEqualTo(new TerminalRequest.Echo());
        assertThat(read(message("0820", null, "00000001002"))).isEqualTo(new TerminalRequest.SignOff());
        assertThat(read(message("0820", null, "00000001999"))).isEqualTo(new TerminalRequest.Unsupported());
    }

    @ParameterizedTest(name = "{0} {1} 60.1={2} is not served")
    @CsvSource({"0200, 310000, 01", "0400, 310000, 01", "0200, 000000, 23"})
    void transactionsTheHostDoesNotServeAreUnsupported(String mti, String f3, String type) {
        assertThat(read(message(mti, f3, type + "000001000"))).isEqualTo(new TerminalRequest.Unsupported());
    }

    /** Each row: a card sale with one field changed ({@code -} removes it), and the field named as the format error. */
    @ParameterizedTest(name = "field {0} = ''{1}'' is a format error in field {2}")
    @CsvSource({
            "11, -, 11",
            "4, -, 4",
            "60, -, 60",
            "60, 2200000100, 60",
            "41, 1234 678, 41",
            "22, -, 22",
            "2, -, 2",
            "2, 12345, 2",
    })
    void aSaleMissingAFieldOrWithAValueThatDoesNotFitIsAFormatErrorNamingTheField(int field, String value, int expected) {
        IsoMessage m = cardSale();
        if (value.equals("-")) {
            m.unset(field);
        } else {
            m.set(field, value);
        }

        assertThat(read(m)).isEqualTo(new TerminalRequest.FormatError(expected));
    }

    @Test
    void aTrack2WithoutItsSeparatorIsAFormatErrorInField35() {
        assertThat(read(cardSale().unset(2).set(35, "62220212345678901232812"))).isEqualTo(new TerminalRequest.FormatError(35));
    }

    @ParameterizedTest(name = "field 61 = ''{0}''")
    @CsvSource({"-", "00000100000"})
    void aVoidWithoutTwelveDigitsOfField61IsAFormatErrorInField61(String f61) {
        IsoMessage m = message("0200", "200000", "23000001000");
        if (!f61.equals("-")) {
            m.set(61, f61);
        }

        assertThat(read(m)).isEqualTo(new TerminalRequest.FormatError(61));
    }

    @Test
    void settlementTotalsThatAreNot62DigitsAreAFormatErrorInField48() {
        assertThat(read(message("0500", null, "00000001201").set(48, "123"))).isEqualTo(new TerminalRequest.FormatError(48));
        assertThat(read(message("0320", null, "00000001201").set(48, "0212"))).isEqualTo(new TerminalRequest.FormatError(48));
    }

    @Test
    void aSignOnWithoutTheElevenDigitsOfField60IsAFormatErrorInField60() {
        assertThat(read(message("0800", null, "0000000100"))).isEqualTo(new TerminalRequest.FormatError(60));
    }
}
