package io.shoudan.payment;

import java.util.regex.Pattern;

/** The channel's own number for a trade: Alipay {@code trade_no}, WeChat {@code transaction_id}, UnionPay retrieval reference (field 37). */
public record ChannelTradeNo(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ChannelTradeNo {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a ChannelTradeNo ([A-Za-z0-9_.-]{1,64})");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
