package io.shoudan.payment;

import io.shoudan.fee.Installments;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.terminal.TerminalSn;

/**
 * What a channel adapter needs to take a payment.
 *
 * @param payment       our id, sent as the channel's {@code out_trade_no} (unique across merchants)
 * @param installments  Huabei {@code hb_fq_num} / {@code hb_fq_seller_percent}
 * @param huabeiAllowed false when the acquirer must not let the consumer pay with Huabei: the Alipay
 *                      adapter then sends {@code disable_pay_channels=pcredit,pcreditpayInstallment}
 */
public record PayCommand(
        PaymentId payment,
        MerchantId merchant,
        TerminalSn terminal,
        PaymentMethod method,
        Money amount,
        Installments installments,
        Instrument instrument,
        boolean huabeiAllowed) {

    public PayCommand {
        if (payment == null || merchant == null || terminal == null || method == null || amount == null
                || installments == null || instrument == null) {
            throw new IllegalArgumentException("a pay command needs payment, merchant, terminal, method, amount, installments and instrument");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("only a positive amount goes to a channel, got " + amount);
        }
    }

    public static PayCommand of(Payment payment, boolean huabeiAllowed) {
        SaleRequest request = payment.request();
        return new PayCommand(payment.id(), request.merchant(), request.terminal(), request.method(), request.amount(),
                request.installments(), request.instrument(), huabeiAllowed);
    }
}
