package io.shoudan.payment;

/**
 * A channel's answer to cancelling or reversing a payment whose outcome is unknown (Alipay
 * {@code alipay.trade.cancel}, WeChat {@code reverse}, UnionPay 0400 冲正): the trade is closed if
 * unpaid and refunded if paid.
 */
public sealed interface CancelAnswer {

    RawCode raw();

    /**
     * The trade is over and no money stays with the merchant.
     *
     * @param moneyReturned the channel had taken the money and gave it back (Alipay {@code action=refund});
     *                      false when it was closed unpaid or the channel does not say
     */
    record Cancelled(RawCode raw, boolean moneyReturned) implements CancelAnswer {
        public Cancelled {
            if (raw == null) {
                throw new IllegalArgumentException("a cancel answer needs the raw code");
            }
        }
    }

    /** Not cancelled this time (Alipay {@code retry_flag=Y}, WeChat {@code recall=Y}, timeout): try again. */
    record NotCancelled(RawCode raw) implements CancelAnswer {
        public NotCancelled {
            if (raw == null) {
                throw new IllegalArgumentException("a cancel answer needs the raw code");
            }
        }
    }
}
