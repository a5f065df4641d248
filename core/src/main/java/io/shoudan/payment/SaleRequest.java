package io.shoudan.payment;

import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.fee.Installments;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.terminal.TerminalSn;

import java.util.Objects;
import java.util.Optional;

/**
 * A sale as the terminal or merchant system asked for it. {@code (merchant, request)} identifies it:
 * a retry with the same content gets the first answer, a retry that differs is refused naming the
 * first field that differs. The amount may be zero or negative here — a cashier can type one — and is
 * refused by the gate with {@code OPERATION.INVALID_AMOUNT}.
 */
public record SaleRequest(
        MerchantId merchant,
        TerminalSn terminal,
        RequestId request,
        PaymentMethod method,
        Money amount,
        Installments installments,
        Instrument instrument) {

    public SaleRequest {
        if (merchant == null || terminal == null || request == null || method == null || amount == null || instrument == null) {
            throw new IllegalArgumentException("a sale needs merchant, terminal, request id, method, amount and instrument");
        }
        installments = installments == null ? Installments.NONE : installments;
        if (method.scansCode() != (instrument instanceof Instrument.ScannedCode)) {
            throw new IllegalArgumentException(method + (method.scansCode() ? " needs a scanned payment code" : " needs a card"));
        }
    }

    /** The question the eligibility gate answers for this sale. */
    public PaymentIntent intent() {
        String code = instrument instanceof Instrument.ScannedCode scanned ? scanned.code() : null;
        return new PaymentIntent(method, amount, installments.count(), code);
    }

    /**
     * The name of the first field in which {@code retry} differs from this request, in declaration
     * order; empty when they are the same request. Names only — a payment code is never echoed.
     */
    public Optional<String> firstDifference(SaleRequest retry) {
        if (!merchant.equals(retry.merchant)) {
            return Optional.of("merchant");
        }
        if (!terminal.equals(retry.terminal)) {
            return Optional.of("terminal");
        }
        if (!request.equals(retry.request)) {
            return Optional.of("request");
        }
        if (method != retry.method) {
            return Optional.of("method");
        }
        if (!amount.equals(retry.amount)) {
            return Optional.of("amount");
        }
        if (installments.count() != retry.installments.count()) {
            return Optional.of("installments");
        }
        if (installments.bearer() != retry.installments.bearer()) {
            return Optional.of("installmentFeeBearer");
        }
        if (!Objects.equals(instrument, retry.instrument)) {
            return Optional.of(instrument instanceof Instrument.ScannedCode ? "paymentCode" : "card");
        }
        return Optional.empty();
    }
}
