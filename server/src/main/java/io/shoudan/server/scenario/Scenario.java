package io.shoudan.server.scenario;

import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Snapshot;

/** A diagnose question: the state of the world and the payment asked about. */
public record Scenario(Snapshot snapshot, PaymentIntent intent) {
}
