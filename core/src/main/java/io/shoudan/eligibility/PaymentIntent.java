package io.shoudan.eligibility;

import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;

/**
 * The payment being asked about.
 *
 * @param installments Huabei installments; 0 for none
 * @param paymentCode  the scanned consumer code; {@code null} for card methods or when not scanned yet
 */
public record PaymentIntent(PaymentMethod method, Money amount, int installments, String paymentCode) {

    public PaymentIntent {
        if (method == null || amount == null) {
            throw new IllegalArgumentException("a payment intent needs a method and an amount");
        }
        if (installments < 0) {
            throw new IllegalArgumentException("installments must not be negative, got " + installments);
        }
    }

    /** Validates an installment count read from outside: 0 (none) to 60. */
    public static int checkInstallments(int installments) {
        if (installments < 0 || installments > 60) {
            throw new IllegalArgumentException("installments must be from 0 to 60, got " + installments);
        }
        return installments;
    }

    public static PaymentIntent of(PaymentMethod method, Money amount) {
        return new PaymentIntent(method, amount, 0, null);
    }

    /** The same payment asked of another method: no installments and no scanned code. */
    PaymentIntent asAlternative(PaymentMethod other) {
        return new PaymentIntent(other, amount, 0, null);
    }
}
