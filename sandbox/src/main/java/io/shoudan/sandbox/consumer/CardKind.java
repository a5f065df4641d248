package io.shoudan.sandbox.consumer;

/** Debit cards spend a balance; credit cards spend an available limit. */
public enum CardKind {
    DEBIT, CREDIT
}
