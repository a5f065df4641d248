package io.shoudan.method;

import java.util.Optional;

/**
 * Recognises which channel issued a consumer's payment code (付款码) from its digits alone:
 * Alipay 16-24 digits starting 25-30, WeChat Pay 18 digits starting 10-15, UnionPay QR 19 digits
 * starting 62. The prefixes do not overlap, so at most one channel matches.
 */
public final class PaymentCode {

    private PaymentCode() {
    }

    public static Optional<Channel> issuer(String code) {
        Channel channel = issuerOrNull(code);
        return Optional.ofNullable(channel);
    }

    /** Allocation-free form of {@link #issuer(String)} for the eligibility hot path. */
    public static Channel issuerOrNull(String code) {
        if (code == null) {
            return null;
        }
        int length = code.length();
        if (length < 16 || length > 24) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int prefix = (code.charAt(0) - '0') * 10 + (code.charAt(1) - '0');
        if (prefix >= 25 && prefix <= 30) {
            return Channel.ALIPAY;
        }
        if (length == 18 && prefix >= 10 && prefix <= 15) {
            return Channel.WECHAT;
        }
        if (length == 19 && prefix == 62) {
            return Channel.UNIONPAY;
        }
        return null;
    }

    /** The code with all but the first 4 and last 4 digits hidden, for logs and receipts. */
    public static String masked(String code) {
        if (code == null || code.length() <= 8) {
            return "****";
        }
        return code.substring(0, 4) + "*".repeat(code.length() - 8) + code.substring(code.length() - 4);
    }
}
