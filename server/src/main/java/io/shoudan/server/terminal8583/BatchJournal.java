package io.shoudan.server.terminal8583;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RequestId;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;

import java.util.List;
import java.util.Objects;

/**
 * Port: the transactions a terminal made in a batch, as the host approved them, for settlement (0500) and batch
 * upload (0320). Only approved sales, voids and refunds are recorded; whether a sale still counts (not voided,
 * not reversed) is read from the payment at settlement time.
 *
 * <p>What the store must provide: a table keyed by (terminal, batch, trace), insert-if-absent (a repeated
 * request records nothing new), a read of one batch in trace order, and two reads of one batch joined with its
 * sales' payments (the merchant's payment with the sale's request id) — each one query, whatever the batch's size.
 */
public interface BatchJournal {

    /** Records an approved transaction; a second record with the same (terminal, batch, trace) is ignored. */
    void record(Entry entry);

    /** The batch's entries in trace order. */
    List<Entry> entries(TerminalSn terminal, BatchNo batch);

    /** The batch's entries summed by kind and, for sales, by their payment's state. */
    List<Sum> sums(TerminalSn terminal, MerchantId merchant, BatchNo batch);

    /** The batch's entries in trace order, each sale with its payment as it stands. */
    List<Line> lines(TerminalSn terminal, MerchantId merchant, BatchNo batch);

    enum Kind { SALE, VOID, REFUND }

    /** The entries of one kind (sales: whose payment is in {@code saleState}; null when not found, and for voids and refunds). */
    record Sum(Kind kind, PaymentState saleState, int count, Money amount) {
        public Sum {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** An entry with, for a sale, its payment's id, state and whether it is settled (null / false otherwise). */
    record Line(Entry entry, PaymentId sale, PaymentState saleState, boolean settled) {
        public Line {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** One approved transaction; {@code request} is the payment service's request id of the sale, void or refund. */
    record Entry(TerminalSn terminal, BatchNo batch, TraceNo trace, Kind kind, Money amount, RequestId.Terminal request) {
        public Entry {
            Objects.requireNonNull(terminal, "terminal");
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(request, "request");
        }
    }
}
