package io.shoudan.merchant;

/** A product a merchant signs with the acquirer or a channel before a method works. */
public enum Product {
    ALIPAY, HUABEI, HUABEI_INSTALLMENT, WECHAT_PAY, UNIONPAY_QR, UNIONPAY_CARD
}
