package io.shoudan.payment;

import org.junit.jupiter.api.Test;
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

    /** The specification, written out independently of the enum's table (docs/ARCHITECTURE.md plus UNKNOWN → FAILED, and CREATED → REVERSED for a sale its reversal overtook). */
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

    /**
     * Which states each operation may take, written out as a table: unresolved, voidable, refundable, reversible,
     * holding money, counted in a settlement, counted as usage.
     */
    static Stream<Arguments> stateRules() {
        return Stream.of(
                //           state               unres  void   refund reverse holds  settle usage
                Arguments.of(CREATED,            false, false, false, false,  false, false, false),
                Arguments.of(PROCESSING,         true,  false, false, true,   false, false, true),
                Arguments.of(UNKNOWN,            true,  false, false, true,   false, false, true),
                Arguments.of(SUCCEEDED,          false, true,  true,  true,   true,  true,  true),
                Arguments.of(FAILED,             false, false, false, false,  false, false, false),
                Arguments.of(DECLINED,           false, false, false, false,  false, false, false),
                Arguments.of(REVERSED,           false, false, false, false,  false, false, false),
                Arguments.of(VOIDED,             false, false, false, false,  false, false, false),
                Arguments.of(PARTIALLY_REFUNDED, false, false, true,  false,  true,  true,  true),
                Arguments.of(REFUNDED,           false, false, false, false,  false, true,  true));
    }

    @ParameterizedTest(name = "{0}: unresolved {1}, voidable {2}, refundable {3}, reversible {4}, holds money {5}, in settlement {6}, usage {7}")
    @MethodSource("stateRules")
    void eachStateAnswersWhatMayBeDoneWithItAsTheTableSays(PaymentState state, boolean unresolved, boolean voidable,
                                                           boolean refundable, boolean reversible, boolean holdsMoney,
                                                           boolean inSettlement, boolean usage) {
        assertThat(state.isUnresolved()).isEqualTo(unresolved);
        assertThat(state.canBeVoided()).isEqualTo(voidable);
        assertThat(state.canBeRefunded()).isEqualTo(refundable);
        assertThat(state.canBeReversed()).isEqualTo(reversible);
        assertThat(state.holdsMoney()).isEqualTo(holdsMoney);
        assertThat(state.countsInSettlement()).isEqualTo(inSettlement);
        assertThat(state.countsAsUsage()).isEqualTo(usage);
    }

    @Test
    void theStatesARuleHoldsForAreListedInDeclarationOrder() {
        assertThat(PaymentState.where(PaymentState::isUnresolved)).containsExactly(PROCESSING, UNKNOWN);
        assertThat(PaymentState.where(PaymentState::countsInSettlement)).containsExactly(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED);
    }
}
