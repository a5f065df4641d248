package io.shoudan.fee;

/**
 * A Huabei installment plan ({@code hb_fq_num}, {@code hb_fq_seller_percent}); {@link #NONE} for a
 * payment in one go. Which counts exist is the rate card's and the policy's business, not this value's.
 *
 * @param count  number of installments; 0 for none
 * @param bearer who pays the installment fee; {@code BUYER} when {@code count} is 0
 */
public record Installments(int count, InstallmentFeeBearer bearer) {

    public static final Installments NONE = new Installments(0, InstallmentFeeBearer.BUYER);

    public Installments {
        if (count < 0) {
            throw new IllegalArgumentException("installment count must not be negative, got " + count);
        }
        if (bearer == null) {
            throw new IllegalArgumentException("installments need a fee bearer (hb_fq_seller_percent 0 or 100)");
        }
        if (count == 0 && bearer != InstallmentFeeBearer.BUYER) {
            throw new IllegalArgumentException("a payment without installments has no installment fee to bear");
        }
    }

    public static Installments of(int count, InstallmentFeeBearer bearer) {
        return count == 0 ? NONE : new Installments(count, bearer);
    }

    public boolean any() {
        return count > 0;
    }
}
