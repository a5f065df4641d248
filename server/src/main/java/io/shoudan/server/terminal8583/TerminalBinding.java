package io.shoudan.server.terminal8583;

import io.shoudan.merchant.MerchantId;
import io.shoudan.terminal.TerminalSn;

import java.util.Objects;

/** Who a POS is in Shoudan's terms: its serial number and the merchant it is bound to. */
public record TerminalBinding(TerminalSn terminal, MerchantId merchant) {
    public TerminalBinding {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(merchant, "merchant");
    }
}
