package io.shoudan.terminal;

/** A terminal's life-cycle state with the acquirer. */
public enum TerminalStatus {
    NOT_ACTIVATED, ACTIVE, LOCKED, RETIRED
}
