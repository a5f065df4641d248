package io.shoudan.server.terminal8583;

import io.shoudan.money.Money;
import io.shoudan.terminal.TraceNo;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettlementTotalsTest {

    @Property
    void totalsReadBackAsWritten(@ForAll @LongRange(max = 999_999_999_999L) long debit, @ForAll @IntRange(max = 999) int debits,
                                 @ForAll @LongRange(max = 999_999_999_999L) long credit, @ForAll @IntRange(max = 999) int credits) {
        SettlementTotals t = new SettlementTotals(debit, debits, credit, credits, '0', 0, 0, 0, 0, '0');

        String digits = t.format();

        assertThat(digits).hasSize(SettlementTotals.DIGITS).containsOnlyDigits();
        assertThat(SettlementTotals.parse(digits)).isEqualTo(t);
        assertThat(SettlementTotals.parse(digits).withReconciliation(false).sameTotalsAs(t)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "00000000010000001000000000000000000000000000000000000000000000000",
            "0000000100000010000000000000000000000000000000000000000000000", "00000001000000100000000000000000000000000000000000000000000A00"})
    void field48OfAnyOtherShapeIsRefused(String digits) {
        assertThatThrownBy(() -> SettlementTotals.parse(digits)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void aBatchUploadReadsBackAsWritten(@ForAll @IntRange(min = 1, max = 999_999) int trace, @ForAll @LongRange(max = 999_999_999_999L) long fen) {
        List<SettlementTotals.Uploaded> upload = List.of(new SettlementTotals.Uploaded(new TraceNo(trace), Money.ofFen(fen)),
                new SettlementTotals.Uploaded(new TraceNo(trace).next(), Money.ofFen(fen / 2)));

        assertThat(SettlementTotals.parseUpload(SettlementTotals.formatUpload(upload))).isEqualTo(upload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "01", "0100000100000000010", "02000001000000000100"})
    void aBatchUploadWhoseCountDoesNotMatchItsLengthIsRefused(String digits) {
        assertThatThrownBy(() -> SettlementTotals.parseUpload(digits)).isInstanceOf(IllegalArgumentException.class);
    }
}
