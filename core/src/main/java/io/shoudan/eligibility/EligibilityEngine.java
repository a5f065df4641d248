package io.shoudan.eligibility;

/**
 * Decides whether a payment method is supported right now and explains every refusal. The one
 * implementation of the rules: live payments and diagnoses both call it.
 */
public final class EligibilityEngine {

    public Verdict evaluate(Snapshot snapshot, PaymentIntent intent) {
        throw new UnsupportedOperationException("in progress");
    }

    public Verdict evaluateWithoutAlternatives(Snapshot snapshot, PaymentIntent intent) {
        throw new UnsupportedOperationException("in progress");
    }
}
