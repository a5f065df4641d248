package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;
import java.util.Optional;

/**
 * A Huabei installment plan (花呗分期) from {@code extend_params}: {@code hb_fq_num} ∈ {3, 6, 12} and
 * {@code hb_fq_seller_percent} ∈ {0 (the buyer pays the fee), 100 (the merchant pays)}.
 *
 * <p>ASSUMPTION (fee rates are not in the sources we have): the total fee is the publicly quoted
 * buyer rate — 3 periods 2.30 %, 6 periods 4.50 %, 12 periods 7.50 % of total_amount — rounded half up
 * to the fen, whoever bears it. See docs/SANDBOX.md.
 */
public record HuabeiInstallment(int count, int sellerPercent) {

    public HuabeiInstallment {
        if (!isValidCount(count)) {
            throw new IllegalArgumentException("hb_fq_num is 3, 6 or 12: " + count);
        }
        if (sellerPercent != 0 && sellerPercent != 100) {
            throw new IllegalArgumentException("hb_fq_seller_percent is 0 or 100: " + sellerPercent);
        }
    }

    public static boolean isValidCount(int count) {
        return count == 3 || count == 6 || count == 12;
    }

    /** The fee rate in basis points (1/100 of a percent). */
    public int rateBasisPoints() {
        return switch (count) {
            case 3 -> 230;
            case 6 -> 450;
            case 12 -> 750;
            default -> throw new IllegalStateException("validated in the constructor: " + count);
        };
    }

    /** The whole installment fee for {@code total}, rounded half up to the fen. */
    public Money fee(Money total) {
        return Money.ofFen(roundHalfUp(Math.multiplyExact(total.fen(), rateBasisPoints()), 10_000));
    }

    public boolean buyerPays() {
        return sellerPercent == 0;
    }

    /**
     * {@code numerator ÷ denominator} rounded half up, both not negative: the sandbox's own rounding,
     * kept apart from {@code Money}'s on purpose. The sandbox plays Alipay, the other side of the books
     * Shoudan checks its fees against ({@code installment_fee} in {@code hb_fq_pay_info}); if it rounded
     * through Shoudan's {@code Money.times}, a mistake there would be made the same way on both sides and
     * no test or reconciliation would see it. {@code HuabeiInstallmentFeeProperties} checks that the two
     * agree.
     */
    static long roundHalfUp(long numerator, long denominator) {
        return (numerator + denominator / 2) / denominator;
    }

    /**
     * Reads the two wire strings: both absent is no plan; exactly one present, not a number, or out of
     * range is an invalid request (empty).
     */
    static Optional<Optional<HuabeiInstallment>> parse(ExtendParams params) {
        if (params == null || params.hbFqNum() == null && params.hbFqSellerPercent() == null) {
            return Optional.of(Optional.empty());
        }
        if (params.hbFqNum() == null || params.hbFqSellerPercent() == null) {
            return Optional.empty();
        }
        if (!params.hbFqNum().matches("[0-9]{1,3}") || !params.hbFqSellerPercent().matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int count = Integer.parseInt(params.hbFqNum());
        int percent = Integer.parseInt(params.hbFqSellerPercent());
        if (!isValidCount(count) || percent != 0 && percent != 100) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(new HuabeiInstallment(count, percent)));
    }
}
