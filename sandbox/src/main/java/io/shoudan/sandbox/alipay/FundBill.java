package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;
import java.util.Objects;

/**
 * One entry of {@code fund_bill_list}: which instrument paid how much. {@code fund_channel} values:
 * {@code ALIPAYACCOUNT} (balance), {@code FINANCEACCOUNT} (Yu'e Bao), {@code PCREDIT} (Huabei),
 * {@code BANKCARD} with {@code fund_type} {@code DEBIT_CARD} or {@code CREDIT_CARD}.
 *
 * @param fundType null except for bank cards
 */
public record FundBill(String fundChannel, Money amount, Money realAmount, String fundType) {

    public FundBill {
        Objects.requireNonNull(fundChannel, "fundChannel");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(realAmount, "realAmount");
    }
}
