package io.shoudan.terminal;

/** Hardware a terminal model has. */
public enum Capability {
    SCANNER, NFC, CHIP, MAGSTRIPE, PRINTER, PINPAD
}
