package io.shoudan.fee;

/**
 * Who pays the Huabei installment fee, as Alipay's {@code hb_fq_seller_percent}: 0 = the buyer pays it
 * on top of the price (to Huabei, outside the acquirer's books), 100 = the merchant pays it out of the
 * settlement. Alipay accepts only these two values; a split is refused, so it does not exist here.
 */
public enum InstallmentFeeBearer {
    BUYER(0), MERCHANT(100);

    private final int sellerPercent;

    InstallmentFeeBearer(int sellerPercent) {
        this.sellerPercent = sellerPercent;
    }

    /** The value sent to Alipay as {@code hb_fq_seller_percent}. */
    public int sellerPercent() {
        return sellerPercent;
    }

    public static InstallmentFeeBearer ofSellerPercent(int sellerPercent) {
        for (InstallmentFeeBearer bearer : values()) {
            if (bearer.sellerPercent == sellerPercent) {
                return bearer;
            }
        }
        throw new IllegalArgumentException("hb_fq_seller_percent must be 0 (buyer pays) or 100 (merchant pays), got " + sellerPercent);
    }
}
