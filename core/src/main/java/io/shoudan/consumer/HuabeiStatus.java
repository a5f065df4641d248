package io.shoudan.consumer;

/** The state of a consumer's Huabei (花呗) credit line. */
public enum HuabeiStatus {
    OPEN, CLOSED, FROZEN, OVERDUE
}
