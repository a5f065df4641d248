package io.shoudan.store.terminal8583;

import io.shoudan.money.Money;
import io.shoudan.payment.RequestId;
import io.shoudan.terminal.TerminalSn;

import java.util.Objects;

/** One approved terminal transaction in a batch (60.2 batch number, field 11 trace number, each 0..999999); {@code request} is its own id. */
public record BatchEntry(TerminalSn terminal, int batchNo, int traceNo, Kind kind, Money amount, RequestId.Terminal request) {

    public enum Kind { SALE, VOID, REFUND }

    public BatchEntry {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(request, "request");
        if (batchNo < 0 || batchNo > 999_999 || traceNo < 0 || traceNo > 999_999) {
            throw new IllegalArgumentException("batch and trace numbers are six digits, were " + batchNo + " / " + traceNo);
        }
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("a batch entry's amount must be positive, was " + amount);
        }
    }
}
