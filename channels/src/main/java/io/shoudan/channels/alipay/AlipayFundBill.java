package io.shoudan.channels.alipay;

import io.shoudan.money.Money;

/**
 * One entry of {@code fund_bill_list}: {@code fund_channel} ({@code ALIPAYACCOUNT}, {@code FINANCEACCOUNT},
 * {@code PCREDIT}, {@code BANKCARD} …), {@code fund_type} for bank cards ({@code DEBIT_CARD} / {@code CREDIT_CARD}).
 */
public record AlipayFundBill(String fundChannel, String fundType, Money amount) {
}
