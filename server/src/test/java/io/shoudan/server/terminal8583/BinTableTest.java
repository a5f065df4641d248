package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.pin.Pan;
import io.shoudan.method.PaymentMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinTableTest {

    private static final BinTable TABLE = BinTable.parse(List.of("# a comment", "", "622202 DEBIT", "62220288 CREDIT",
            "62588812345 CREDIT"), "test");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "6222020000000000201, UNIONPAY_DEBIT",   // the 6-digit BIN
            "6222028800000000201, UNIONPAY_CREDIT",  // a longer BIN wins over a shorter one
            "6258881234500000000, UNIONPAY_CREDIT",  // 11 digits, the longest a BIN is
            "6258881234400000000, UNIONPAY_DEBIT",   // one digit off: no BIN covers it
            "4000000000000002, UNIONPAY_DEBIT",      // unknown: debit, as before there was a table
    })
    void theLongestBinThatStartsTheCardNumberDecidesAndAnUncoveredCardIsDebit(String pan, PaymentMethod method) {
        assertThat(TABLE.methodFor(new Pan(pan))).isEqualTo(method);
    }

    @Test
    void theShippedTableKnowsTheSandboxIssuersDebitAndCreditCards() {
        BinTable shipped = BinTable.configured(Map.of());

        assertThat(shipped.methodFor(new Pan("6222020000000000201"))).isEqualTo(PaymentMethod.UNIONPAY_DEBIT);
        assertThat(shipped.methodFor(new Pan("6258880000000000201"))).isEqualTo(PaymentMethod.UNIONPAY_CREDIT);
        assertThat(shipped.source()).startsWith("shipped bins.txt");
    }

    @Test
    void aTableFromTheFileSHOUDAN_BIN_TABLENamesReplacesTheShippedOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bins.txt"), "621700 CREDIT\n");

        BinTable table = BinTable.configured(Map.of("SHOUDAN_BIN_TABLE", file.toString()));

        assertThat(table.methodFor(new Pan("6217000000000000001"))).isEqualTo(PaymentMethod.UNIONPAY_CREDIT);
        assertThat(table.methodFor(new Pan("6258880000000000201"))).isEqualTo(PaymentMethod.UNIONPAY_DEBIT);
    }

    @Test
    void aBadLineOrAMissingFileIsRefusedNamingTheSettingTheFileAndTheLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bins.txt"), "622202 DEBIT\n62220 CREDIT\n");
        Path missing = dir.resolve("none.txt");

        assertThatThrownBy(() -> BinTable.configured(Map.of("SHOUDAN_BIN_TABLE", bad.toString())))
                .hasMessage("SHOUDAN_BIN_TABLE " + bad + ":2: not a BIN line (6-11 digits, then DEBIT or CREDIT)"
                        + " / 第 2 行不是卡 BIN 行（6-11 位数字，再 DEBIT 或 CREDIT）");
        assertThatThrownBy(() -> BinTable.configured(Map.of("SHOUDAN_BIN_TABLE", missing.toString())))
                .hasMessage("SHOUDAN_BIN_TABLE " + missing + ": cannot read the BIN table (NoSuchFileException) / 无法读取卡 BIN 表");
    }
}
