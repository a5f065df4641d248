package io.shoudan.ledger;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;

/**
 * One merchant's position as the ledger check found it.
 *
 * @param payable  what the acquirer owes the merchant (the payable account's credit balance)
 * @param sales    successful payments booked (SALE less REVERSAL journals)
 * @param returned refunds and voids booked
 * @param fees     fees booked less fees returned
 * @param expected what the payment records say ({@link MerchantTotals#expectedPayable()}); {@code null} when not given
 */
public record MerchantBalance(MerchantId merchant, Money payable, Money sales, Money returned, Money fees, Money expected) {

    /** sales − returned − fees, from the journals' kinds. */
    public Money fromKinds() {
        return sales.minus(returned).minus(fees);
    }
}
