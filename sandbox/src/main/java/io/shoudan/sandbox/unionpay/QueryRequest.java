package io.shoudan.sandbox.unionpay;

import java.util.Objects;

/** A transaction status query for the original with {@code terminal.stan()} on that terminal. */
public record QueryRequest(TerminalRef terminal) {

    public QueryRequest {
        Objects.requireNonNull(terminal, "terminal");
    }
}
