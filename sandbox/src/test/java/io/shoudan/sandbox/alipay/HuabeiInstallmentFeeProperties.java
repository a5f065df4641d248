package io.shoudan.sandbox.alipay;

import io.shoudan.fee.FeeReturns;
import io.shoudan.fee.FeeRule;
import io.shoudan.fee.FeeSplit;
import io.shoudan.money.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox rounds Huabei's installment fee with its own arithmetic ({@link HuabeiInstallment#roundHalfUp}),
 * apart from core's {@code Money} on purpose; these properties show that the two sides, computed
 * independently, agree on the fee and on what a refund gives back of it.
 */
class HuabeiInstallmentFeeProperties {

    @Property
    void theSandboxChargesTheInstallmentFeeShoudanPrices(
            @ForAll @IntRange(min = 0, max = 2) int plan,
            @ForAll boolean merchantPays,
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long totalFen) {
        int count = List.of(3, 6, 12).get(plan);
        Money total = Money.ofFen(Math.min(totalFen, AlipaySimulator.MAX_TOTAL_AMOUNT.fen()));
        Money sandbox = new HuabeiInstallment(count, merchantPays ? 100 : 0).fee(total);
        Money shoudan = FeeRule.Huabei.assumedInstallmentRates().get(count).of(total, FeeRule.ROUNDING);
        assertThat(sandbox).isEqualTo(shoudan);
    }

    @Property
    void theSandboxGivesBackTheShareOfTheFeeShoudanExpects(
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long totalFen,
            @ForAll @IntRange(min = 0, max = 2) int plan,
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long refundedFen) {
        long total = Math.min(totalFen, AlipaySimulator.MAX_TOTAL_AMOUNT.fen());
        long refunded = Math.min(refundedFen, total);
        Money fee = new HuabeiInstallment(List.of(3, 6, 12).get(plan), 100).fee(Money.ofFen(total));
        // as AlipaySimulator.refundMoney gives back the fee on the running total refunded
        long sandbox = HuabeiInstallment.roundHalfUp(Math.multiplyExact(fee.fen(), refunded), total);
        FeeSplit shoudan = FeeReturns.forRefund(new FeeSplit(Money.ZERO, fee), Money.ofFen(total),
                Money.ZERO, Money.ofFen(refunded), FeeSplit.NONE);
        assertThat(Money.ofFen(sandbox)).isEqualTo(shoudan.installment());
    }
}
