package io.shoudan.store.terminal8583;

import io.shoudan.merchant.MerchantId;
import io.shoudan.terminal.TerminalSn;

import java.util.Objects;

/** A POS identity bound to a Shoudan terminal and its merchant. */
public record PosBinding(PosIdentity pos, TerminalSn terminal, MerchantId merchant) {
    public PosBinding {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(merchant, "merchant");
    }
}
