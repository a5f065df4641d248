package io.shoudan.sandbox.consumer;

/** A bank card as its issuer sees it. */
public enum CardStatus {
    ACTIVE,
    /** The issuer declines every transaction without saying why (ISO 8583 field 39 = 05). */
    DO_NOT_HONOUR,
    /** Not permitted for this cardholder, e.g. card restricted by the bank (field 39 = 57). */
    RESTRICTED,
    /** The issuer's host is down (field 39 = 91; WeChat BANKERROR). */
    ISSUER_UNAVAILABLE
}
