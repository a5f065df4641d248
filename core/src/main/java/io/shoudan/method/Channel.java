package io.shoudan.method;

/** The network that carries a payment method's money: Alipay, WeChat Pay (财付通) or UnionPay. */
public enum Channel {
    ALIPAY, WECHAT, UNIONPAY
}
