package io.shoudan.fee;

import io.shoudan.money.Money;
import io.shoudan.money.RandomParts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeeReturnsTest {

    @ParameterizedTest(name = "fee {0} on {1}: refunding {3} after {2} returns {4}")
    @CsvSource({
            "3.80, 1000.00, 0.00, 500.00, 1.90",
            "3.80, 1000.00, 0.00, 1000.00, 3.80",
            "0.10, 25.00, 0.00, 12.50, 0.05",
            // 0.03 × 1/2 = 0.015 → 0.02 half-up; the rest, 0.01, comes back with the second half
            "0.03, 10.00, 0.00, 5.00, 0.02",
            "0.03, 10.00, 5.00, 5.00, 0.01",
            "0.01, 3.00, 0.00, 1.00, 0.00",
            "0.01, 3.00, 1.00, 1.00, 0.01",
            "0.01, 3.00, 2.00, 1.00, 0.00",
    })
    void theFeeComesBackInProportionToTheRunningTotal(String fee, String amount, String refundedBefore, String refundNow, String returned) {
        FeeSplit charged = new FeeSplit(Money.parse(fee), Money.ZERO);
        // the fee returned before is itself what the rule gave for the refunds before
        FeeSplit before = Money.parse(refundedBefore).isPositive()
                ? FeeReturns.forRefund(charged, Money.parse(amount), Money.ZERO, Money.parse(refundedBefore), FeeSplit.NONE)
                : FeeSplit.NONE;
        FeeSplit now = FeeReturns.forRefund(charged, Money.parse(amount), Money.parse(refundedBefore), Money.parse(refundNow), before);
        assertThat(now.acquirer()).isEqualTo(Money.parse(returned));
    }

    @ParameterizedTest
    @CsvSource({"1000.00, 0.00, 1000.01", "1000.00, 600.00, 400.01", "1000.00, 0.00, 0.00"})
    void aRefundBeyondTheAmountHasNoFeeRule(String amount, String before, String now) {
        assertThatThrownBy(() -> FeeReturns.forRefund(new FeeSplit(Money.parse("3.80"), Money.ZERO), Money.parse(amount),
                Money.parse(before), Money.parse(now), FeeSplit.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void refundingInAnyPiecesReturnsExactlyTheFeeAndNeverMore(@ForAll("pieces") Case c) {
        FeeSplit charged = new FeeSplit(Money.ofFen(c.acquirerFeeFen), Money.ofFen(c.installmentFeeFen));
        Money amount = Money.ofFen(c.amountFen);
        Money refunded = Money.ZERO;
        FeeSplit returned = FeeSplit.NONE;
        for (long pieceFen : c.piecesFen) {
            FeeSplit back = FeeReturns.forRefund(charged, amount, refunded, Money.ofFen(pieceFen), returned);
            returned = returned.plus(back);
            refunded = refunded.plus(Money.ofFen(pieceFen));
            assertThat(returned.acquirer()).isLessThanOrEqualTo(charged.acquirer());
            assertThat(returned.installment()).isLessThanOrEqualTo(charged.installment());
        }
        assertThat(refunded).isEqualTo(amount);
        assertThat(returned).isEqualTo(charged);
    }

    record Case(long amountFen, long acquirerFeeFen, long installmentFeeFen, List<Long> piecesFen) {
    }

    @Provide
    Arbitrary<Case> pieces() {
        return Combinators.combine(
                Arbitraries.longs().between(1, 10_000_000_00L),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 80_000),
                Arbitraries.integers().between(1, 8),
                Arbitraries.longs().between(1, Long.MAX_VALUE / 4)
        ).as((amountFen, feePpm, installmentPpm, count, seed) -> {
            List<Long> pieces = RandomParts.of(amountFen, count, seed);
            long acquirerFee = new Rate(feePpm).of(Money.ofFen(amountFen), FeeRule.ROUNDING).fen();
            long installmentFee = new Rate(installmentPpm).of(Money.ofFen(amountFen), FeeRule.ROUNDING).fen();
            return new Case(amountFen, acquirerFee, installmentFee, pieces);
        });
    }
}
