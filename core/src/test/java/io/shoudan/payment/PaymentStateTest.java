package io.shoudan.payment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.shoudan.payment.PaymentState.CREATED;
import static io.shoudan.payment.PaymentState.DECLINED;
import static io.shoudan.payment.PaymentState.FAILED;
import static io.shoudan.payment.PaymentState.PARTIALLY_REFUNDED;
import static io.shoudan.payment.PaymentState.PROCESSING;
import static io.shoudan.payment.PaymentState.REFUNDED;
import static io.shoudan.payment.PaymentState.REVERSED;
import static io.shoudan.payment.PaymentState.SUCCEEDED;
import static io.shoudan.payment.PaymentState.UNKNOWN;
import static io.shoudan.payment.PaymentState.VOIDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentStateTest {

    /** The specification, written out independently of the enum's table (DESIGN.md plus UNKNOWN → FAILED, and CREATED → REVERSED for a sale its reversal overtook). */
    private static final Set<List<PaymentState>> LEGAL = Set.of(
            List.of(CREATED, PROCESSING), List.of(CREATED, DECLINED), List.of(CREATED, REVERSED),
            List.of(PROCESSING, SUCCEEDED), List.of(PROCESSING, FAILED), List.of(PROCESSING, UNKNOWN),
            List.of(UNKNOWN, SUCCEEDED), List.of(UNKNOWN, FAILED), List.of(UNKNOWN, REVERSED),
            List.of(SUCCEEDED, VOIDED), List.of(SUCCEEDED, PARTIALLY_REFUNDED), List.of(SUCCEEDED, REFUNDED),
            List.of(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED), List.of(PARTIALLY_REFUNDED, REFUNDED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (PaymentState from : PaymentState.values()) {
            for (PaymentState to : PaymentState.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.contains(List.of(from, to))));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1} legal: {2}")
    @MethodSource("everyPair")
    void everyTransitionIsLegalExactlyWhenTheTableSaysSo(PaymentState from, PaymentState to, boolean legal) {
        assertThat(from.canMoveTo(to)).isEqualTo(legal);
        if (legal) {
            assertThat(from.requireMove(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.requireMove(to))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("illegal payment transition " + from + " → " + to);
        }
    }

    @ParameterizedTest
    @MethodSource("everyPair")
    void finalStatesLeadNowhere(PaymentState from, PaymentState to, boolean legal) {
        if (from.isFinal()) {
            assertThat(legal).isFalse();
        }
        assertThat(from.isFinal()).isEqualTo(Set.of(FAILED, DECLINED, REVERSED, VOIDED, REFUNDED).contains(from));
    }

    @ParameterizedTest
    @MethodSource("everyPair")
    void onlyProcessingAndUnknownAreLeftForRecovery(PaymentState from, PaymentState to, boolean legal) {
        assertThat(from.isUnresolved()).isEqualTo(from == PROCESSING || from == UNKNOWN);
    }

    /** The store keeps usage totals by these two facts: it adds on insert and subtracts on the move to a final state. */
    @ParameterizedTest
    @MethodSource("everyPair")
    void aPaymentEntersUsageOnlyWhenCreatedAndLeavesItOnlyForAFinalState(PaymentState from, PaymentState to, boolean legal) {
        assertThat(from.countsAsUsage()).isEqualTo(Set.of(PROCESSING, UNKNOWN, SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED).contains(from));
        if (legal && !from.countsAsUsage() && to.countsAsUsage()) {
            assertThat(from).isEqualTo(CREATED);
        }
        if (legal && from.countsAsUsage() && !to.countsAsUsage()) {
            assertThat(to.isFinal()).isTrue();
        }
    }
}
