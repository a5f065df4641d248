package io.shoudan.sandbox.alipay;

/**
 * {@code extend_params} of alipay.trade.pay. Strings, as on the wire, because the channel (not the
 * caller's type system) decides what is valid: {@code "3"}, {@code "100"}. Null: absent.
 */
public record ExtendParams(String hbFqNum, String hbFqSellerPercent) {

    public static ExtendParams installments(int count, int sellerPercent) {
        return new ExtendParams(Integer.toString(count), Integer.toString(sellerPercent));
    }
}
