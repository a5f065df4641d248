package io.shoudan.payment;

/** What the consumer actually paid with, as the channel reports it (Alipay {@code fund_bill_list}, WeChat {@code bank_type}, card BIN). */
public enum FundingSource {
    WALLET_BALANCE, HUABEI, HUABEI_INSTALLMENT, DEBIT_CARD, CREDIT_CARD, OTHER, UNREPORTED
}
