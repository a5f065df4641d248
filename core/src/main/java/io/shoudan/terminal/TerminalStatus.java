package io.shoudan.terminal;

/** A terminal's life-cycle state with the acquirer. */
public enum TerminalStatus {
    NOT_ACTIVATED, ACTIVE, LOCKED,
    /** Installing a firmware update (an OTA campaign): it takes no payment until the update ends. */
    UPDATING,
    RETIRED
}
