package io.shoudan.payment;

import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.eligibility.Verdict;

/**
 * Port: the eligibility check every sale passes first. In production it is
 * {@code EligibilityEngine::evaluateWithoutAlternatives} — the same rules {@code diagnose} runs.
 */
@FunctionalInterface
public interface EligibilityGate {

    Verdict check(Snapshot snapshot, PaymentIntent intent);
}
