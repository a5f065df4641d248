package io.shoudan.merchant;

import io.shoudan.method.Channel;

/** A product a merchant signs with the acquirer or a channel before a method works. */
public enum Product {
    ALIPAY(Channel.ALIPAY), HUABEI(Channel.ALIPAY), HUABEI_INSTALLMENT(Channel.ALIPAY), WECHAT_PAY(Channel.WECHAT),
    UNIONPAY_QR(Channel.UNIONPAY), UNIONPAY_CARD(Channel.UNIONPAY);

    private final Channel channel;

    Product(Channel channel) {
        this.channel = channel;
    }

    /** The channel that reviews the product and opens it for the merchant. */
    public Channel channel() {
        return channel;
    }
}
