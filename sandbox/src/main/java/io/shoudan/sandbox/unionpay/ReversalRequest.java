package io.shoudan.sandbox.unionpay;

import java.util.Objects;

/**
 * A reversal (冲正, 0400) of a sale the terminal got no answer for: {@code terminal.stan()} is the
 * original's field 11, as the 0400 repeats it.
 */
public record ReversalRequest(TerminalRef terminal) {

    public ReversalRequest {
        Objects.requireNonNull(terminal, "terminal");
    }
}
