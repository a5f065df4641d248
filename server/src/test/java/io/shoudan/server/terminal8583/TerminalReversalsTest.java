package io.shoudan.server.terminal8583;

import io.shoudan.payment.PaymentState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule behind a sale's reversal: refused while the sale's money stays with the merchant (it could not be voided). */
class TerminalReversalsTest {
    /** Refunded in part, the rest is still taken; refunded in full, voided, reversed or never taken, nothing is. */
    private static final Set<PaymentState> MONEY_STAYS_TAKEN = EnumSet.of(PaymentState.SUCCEEDED, PaymentState.PARTIALLY_REFUNDED);

    @ParameterizedTest(name = "a sale left {0}")
    @EnumSource(PaymentState.class)
    void aSaleReversalIsRefusedOnlyWhileTheMoneyStaysTaken(PaymentState state) {
        assertThat(state.holdsMoney()).isEqualTo(MONEY_STAYS_TAKEN.contains(state));
    }
}
