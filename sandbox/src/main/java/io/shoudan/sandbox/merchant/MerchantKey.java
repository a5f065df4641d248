package io.shoudan.sandbox.merchant;

import io.shoudan.method.Channel;
import java.util.Objects;

/**
 * A merchant as one channel knows it: Alipay by the app_id the acquirer calls with, WeChat by mch_id,
 * UnionPay by the 15-character merchant id of field 42.
 */
public record MerchantKey(Channel channel, String id) {

    public MerchantKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 32) {
            throw new IllegalArgumentException("a channel merchant id is 1-32 characters: \"" + id + "\"");
        }
    }

    public static MerchantKey alipay(String appId) {
        return new MerchantKey(Channel.ALIPAY, appId);
    }

    public static MerchantKey wechat(String mchId) {
        return new MerchantKey(Channel.WECHAT, mchId);
    }

    public static MerchantKey unionpay(String merchantId) {
        return new MerchantKey(Channel.UNIONPAY, merchantId);
    }
}
