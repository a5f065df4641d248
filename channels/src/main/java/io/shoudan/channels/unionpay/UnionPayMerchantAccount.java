package io.shoudan.channels.unionpay;

import java.util.regex.Pattern;

/** The acquirer's identifiers for a merchant on the UnionPay host link: field 42 (15 characters) and field 41 (8). */
public record UnionPayMerchantAccount(String merchantNo, String terminalId) {

    private static final Pattern MERCHANT_NO = Pattern.compile("[0-9A-Za-z]{15}");
    private static final Pattern TERMINAL_ID = Pattern.compile("[0-9A-Za-z]{8}");

    public UnionPayMerchantAccount {
        if (merchantNo == null || !MERCHANT_NO.matcher(merchantNo).matches()) {
            throw new IllegalArgumentException("\"" + merchantNo + "\" is not a field 42 merchant number (15 letters or digits)");
        }
        if (terminalId == null || !TERMINAL_ID.matcher(terminalId).matches()) {
            throw new IllegalArgumentException("\"" + terminalId + "\" is not a field 41 terminal id (8 letters or digits)");
        }
    }
}
