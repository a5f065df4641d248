package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.cup.Field60;
import io.shoudan.method.PaymentCode;
import io.shoudan.money.Money;
import io.shoudan.payment.RequestId;
import io.shoudan.terminal.BatchNo;

import java.util.List;

/**
 * What a terminal's message asks for, read into Shoudan's values by {@link RequestReader} — or why it cannot be read
 * ({@link FormatError}). Network management (0800, 0820) is answered without a MAC; the financial requests (0200,
 * 0220, 0400, 0500, 0320) after the security checks, under the terminal's MAK. Only the reader builds them, from
 * values it has read and checked: no part is null.
 */
sealed interface TerminalRequest {

    /** 0800 签到: new working keys under the terminal's TMK; 60.2 and 60.3 are echoed. */
    record SignOn(Field60 field60) implements TerminalRequest {
    }

    /** 0820 with 60.3 {@code 301} 回响测试. */
    record Echo() implements TerminalRequest {
    }

    /** 0820 with 60.3 {@code 002} 签退: the working keys are forgotten. */
    record SignOff() implements TerminalRequest {
    }

    /** 0200 消费 with a card (field 2 or 35); the card data goes to the {@link CardVault}, never further. */
    record Sale(RequestId.Terminal id, Money amount, CardVault.CardPresentment card) implements TerminalRequest {
    }

    /** 0200 消费 with a scanned payment code in field 48 (and no card). */
    record ScanSale(RequestId.Terminal id, Money amount, String code) implements TerminalRequest {
        /** The payment code masked: it is single use, but a bearer credential until it is. */
        @Override
        public String toString() {
            return "ScanSale[" + id + ", " + amount + ", " + PaymentCode.masked(code) + "]";
        }

    }

    /** 0200 消费撤销 of {@code original} (61.1 batch, 61.2 trace); {@code amount} must be the sale's. */
    record Void(RequestId.Terminal id, RequestId.Terminal original, Money amount) implements TerminalRequest {
    }

    /** 0220 退货 of part or all of {@code original} (61.1 batch, 61.2 trace). */
    record Refund(RequestId.Terminal id, RequestId.Terminal original, Money amount) implements TerminalRequest {
    }

    /** 0400 冲正 of the terminal's own sale, void or refund; it carries the original's batch and trace. */
    record Reversal(BatchJournal.Kind reversed, RequestId.Terminal original, Money amount) implements TerminalRequest {
    }

    /** 0500 批结算 of {@code batch} with the terminal's totals (field 48). */
    record Settlement(BatchNo batch, SettlementTotals theirs) implements TerminalRequest {
    }

    /** 0320 批上送 of some of {@code batch}'s transactions (field 48). */
    record BatchUpload(BatchNo batch, List<SettlementTotals.Uploaded> uploaded) implements TerminalRequest {
        public BatchUpload {
            uploaded = List.copyOf(uploaded);
        }
    }

    /** A request the host does not serve (another 60.3, another transaction): answered {@code 40}. */
    record Unsupported() implements TerminalRequest {
    }

    /** A message that decodes but lacks {@code field}, or whose value does not fit its meaning: answered {@code 30}. */
    record FormatError(int field) implements TerminalRequest {
    }
}
