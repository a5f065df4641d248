package io.shoudan.store.payment;

import io.shoudan.eligibility.EligibilityReason;
import io.shoudan.method.PaymentMethod;
import io.shoudan.reason.Lang;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonTexts;
import io.shoudan.terminal.FirmwareVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment's verdict is stored as each reason's code name and its evidence as {@code [key, value]} pairs of text.
 * Typed facts did not change that form: a verdict stored before them reads back as the reason its record makes now,
 * and reads as it did.
 */
class StoredVerdictTest {

    /** As PaymentJson wrote it before reasons were built from typed facts records. */
    private static final String STORED_BEFORE = """
            [{"code":"TERMINAL_FIRMWARE_TOO_OLD","evidence":[["method","HUABEI"],["required","3.2.0"],["actual","3.1.4"]]},\
            {"code":"TERMINAL_HARDWARE_UNSUPPORTED","evidence":[["method","UNIONPAY_DEBIT"],["model","Q1"],["missing",["CHIP","PINPAD"]]]}]""";

    @Test
    void aVerdictStoredBeforeTypedFactsReadsBackAsTheReasonItsRecordMakesNow() {
        Reason firmware = Reason.of(new EligibilityReason.FirmwareTooOld(PaymentMethod.HUABEI,
                FirmwareVersion.parse("3.2.0"), FirmwareVersion.parse("3.1.4")));

        List<Reason> read = PaymentJson.verdict(STORED_BEFORE);

        assertThat(read.getFirst()).isEqualTo(firmware);
        assertThat(ReasonTexts.message(read.getFirst(), Lang.ZH)).isEqualTo("终端固件版本为 3.1.4，低于花呗要求的最低版本 3.2.0。");
        assertThat(ReasonTexts.message(read.get(1), Lang.EN)).contains("chip reader, PIN pad");
    }

    @Test
    void aReasonBuiltFromItsRecordIsStoredInTheSameFormAndReadsBackEqual() {
        Reason firmware = Reason.of(new EligibilityReason.FirmwareTooOld(PaymentMethod.HUABEI,
                FirmwareVersion.parse("3.2.0"), FirmwareVersion.parse("3.1.4")));

        String stored = PaymentJson.verdict(List.of(firmware));

        assertThat(stored).isEqualTo(STORED_BEFORE.substring(1, STORED_BEFORE.indexOf("},") + 1).transform(one -> "[" + one + "]"));
        assertThat(PaymentJson.verdict(stored)).containsExactly(firmware);
    }
}
