package io.shoudan.sandbox.consumer;

/** A consumer's Huabei (花呗) credit line. Only OPEN lends. */
public enum HuabeiStatus {
    OPEN, CLOSED, FROZEN, OVERDUE
}
