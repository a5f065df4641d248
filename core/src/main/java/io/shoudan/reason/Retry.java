package io.shoudan.reason;

/** When trying again can succeed. */
public enum Retry {
    /** At once, e.g. with a fresh payment code. */
    NOW,
    /** After a time window passes. */
    LATER,
    /** After the actor has acted. */
    AFTER_FIX,
    /** Not with this method in this context. */
    NEVER
}
