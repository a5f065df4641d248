package io.shoudan.payment;

import io.shoudan.ledger.MerchantTotals;
import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-merchant totals from payment records alone — the second source the ledger check compares the
 * merchant payables with: successful payments, what went back (refunds and voids), net fees.
 * Reversed payments count for nothing: whatever the channel took it gave back.
 */
public final class PaymentTotals {

    private final Map<MerchantId, MerchantTotals> byMerchant = new LinkedHashMap<>();

    public void add(Payment payment) {
        MerchantTotals totals = byMerchant.computeIfAbsent(payment.merchant(), MerchantTotals::zero);
        if (payment.state().wasCaptured()) {
            byMerchant.put(payment.merchant(), totals.plus(payment.amount(), payment.refunded(), payment.netFee()));
        }
    }

    public List<MerchantTotals> totals() {
        return new ArrayList<>(byMerchant.values());
    }

    public static List<MerchantTotals> of(Iterable<Payment> payments) {
        PaymentTotals totals = new PaymentTotals();
        payments.forEach(totals::add);
        return totals.totals();
    }

    /** Successful − refunded − fees for one merchant; zero when it has no payments. */
    public Money expectedPayable(MerchantId merchant) {
        MerchantTotals totals = byMerchant.get(merchant);
        return totals == null ? Money.ZERO : totals.expectedPayable();
    }
}
