package io.shoudan.sandbox.alipay;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The values of {@code disable_pay_channels} (and {@code enable_pay_channels}). The sandbox knows all
 * of these names; only those that match a funding source it simulates change the outcome.
 */
public enum PayChannel {
    BALANCE("balance"),
    MONEY_FUND("moneyFund"),
    COUPON("coupon"),
    PCREDIT("pcredit"),
    PCREDITPAY_INSTALLMENT("pcreditpayInstallment"),
    CREDIT_CARD("creditCard"),
    CREDIT_CARD_EXPRESS("creditCardExpress"),
    CREDIT_CARD_CARTOON("creditCardCartoon"),
    CREDIT_GROUP("credit_group"),
    DEBIT_CARD_EXPRESS("debitCardExpress"),
    MCARD("mcard"),
    PCARD("pcard"),
    PROMOTION("promotion"),
    VOUCHER("voucher"),
    POINT("point"),
    MDISCOUNT("mdiscount"),
    BANK_PAY("bankPay");

    private final String wire;

    PayChannel(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<PayChannel> fromWire(String text) {
        for (PayChannel channel : values()) {
            if (channel.wire.equals(text)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses the comma-separated list; empty when any name is unknown (Alipay refuses the request).
     * A null or blank list disables nothing.
     */
    public static Optional<Set<PayChannel>> parseList(String commaSeparated) {
        Set<PayChannel> parsed = EnumSet.noneOf(PayChannel.class);
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Optional.of(parsed);
        }
        for (String name : commaSeparated.split(",")) {
            Optional<PayChannel> channel = fromWire(name.trim());
            if (channel.isEmpty()) {
                return Optional.empty();
            }
            parsed.add(channel.get());
        }
        return Optional.of(parsed);
    }
}
