package io.shoudan.payment;

/** Why a channel's answer leaves the outcome unknown. */
public enum PendingCause {
    /** No answer in time: the request may or may not have reached the channel. */
    TIMEOUT,
    /** The channel said it failed internally (Alipay ACQ.SYSTEM_ERROR, 20000; WeChat SYSTEMERROR, BANKERROR; 8583 96). */
    SYSTEM_ERROR,
    /** The consumer must confirm on the phone (Alipay 10003, WeChat USERPAYING). */
    CONSUMER_CONFIRMING
}
