package io.shoudan.ledger;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;

/**
 * A ledger account. Balances are kept as debits positive, credits negative; so the merchant payable
 * (what the acquirer owes a merchant) normally has a negative balance and a channel receivable (what a
 * channel owes the acquirer) a positive one.
 */
public sealed interface Account {

    /** The stable text form for storage and reports, e.g. {@code merchant-payable:M100001}. */
    String code();

    /** What the acquirer owes one merchant: takings less refunds and fees. */
    record MerchantPayable(MerchantId merchant) implements Account {
        public MerchantPayable {
            if (merchant == null) {
                throw new IllegalArgumentException("a merchant payable account needs its merchant");
            }
        }

        @Override
        public String code() {
            return "merchant-payable:" + merchant.value();
        }
    }

    /** What one channel owes the acquirer: money taken from consumers, less refunds and withheld fees. */
    record ChannelReceivable(Channel channel) implements Account {
        public ChannelReceivable {
            if (channel == null) {
                throw new IllegalArgumentException("a channel receivable account needs its channel");
            }
        }

        @Override
        public String code() {
            return "channel-receivable:" + channel.name();
        }
    }

    /** The acquirer's own fee income. */
    record FeeIncome() implements Account {
        @Override
        public String code() {
            return "fee-income";
        }
    }

    FeeIncome FEE_INCOME = new FeeIncome();

    static Account parse(String code) {
        if ("fee-income".equals(code)) {
            return FEE_INCOME;
        }
        if (code != null && code.startsWith("merchant-payable:")) {
            return new MerchantPayable(new MerchantId(code.substring("merchant-payable:".length())));
        }
        if (code != null && code.startsWith("channel-receivable:")) {
            return new ChannelReceivable(Channel.valueOf(code.substring("channel-receivable:".length())));
        }
        throw new IllegalArgumentException("\"" + code + "\" is not a ledger account code");
    }
}
