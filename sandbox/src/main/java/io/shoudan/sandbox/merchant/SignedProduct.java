package io.shoudan.sandbox.merchant;

import io.shoudan.method.Channel;

/** What a merchant signed with a channel; without it the channel refuses the call. */
public enum SignedProduct {
    /** Alipay 当面付 (product_code FACE_TO_FACE_PAYMENT): barcode payments. */
    ALIPAY_FACE_TO_FACE(Channel.ALIPAY),
    /** Alipay Huabei installments (花呗分期) for the counts in {@code installmentCounts}. */
    ALIPAY_HUABEI_INSTALLMENT(Channel.ALIPAY),
    /** WeChat Pay 付款码支付 (micropay). */
    WECHAT_MICROPAY(Channel.WECHAT),
    UNIONPAY_DEBIT(Channel.UNIONPAY),
    UNIONPAY_CREDIT(Channel.UNIONPAY),
    UNIONPAY_QR(Channel.UNIONPAY);

    private final Channel channel;

    SignedProduct(Channel channel) {
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }
}
