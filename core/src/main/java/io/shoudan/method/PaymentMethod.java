package io.shoudan.method;

import java.util.List;

/**
 * What the cashier selects on the terminal. The declaration order is the contract's method order,
 * which is also the order of {@code alternatives}.
 */
public enum PaymentMethod {
    ALIPAY(Channel.ALIPAY, true),
    HUABEI(Channel.ALIPAY, true),
    WECHAT_PAY(Channel.WECHAT, true),
    UNIONPAY_QR(Channel.UNIONPAY, true),
    UNIONPAY_DEBIT(Channel.UNIONPAY, false),
    UNIONPAY_CREDIT(Channel.UNIONPAY, false);

    private static final List<PaymentMethod> ALL = List.of(values());

    private final Channel channel;
    private final boolean scansCode;

    PaymentMethod(Channel channel, boolean scansCode) {
        this.channel = channel;
        this.scansCode = scansCode;
    }

    public Channel channel() {
        return channel;
    }

    /** True for QR methods, where the terminal scans the consumer's payment code; false for cards. */
    public boolean scansCode() {
        return scansCode;
    }

    /** Every method, in contract order, without the array copy of {@code values()}. */
    public static List<PaymentMethod> all() {
        return ALL;
    }
}
