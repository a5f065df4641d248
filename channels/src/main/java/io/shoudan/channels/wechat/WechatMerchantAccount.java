package io.shoudan.channels.wechat;

import java.util.regex.Pattern;

/** A merchant's WeChat Pay identity: {@code appid} and {@code mch_id}. */
public record WechatMerchantAccount(String appid, String mchId) {

    private static final Pattern APPID = Pattern.compile("[0-9A-Za-z_]{1,32}");
    private static final Pattern MCH_ID = Pattern.compile("[0-9]{1,32}");

    public WechatMerchantAccount {
        if (appid == null || !APPID.matcher(appid).matches()) {
            throw new IllegalArgumentException("\"" + appid + "\" is not a WeChat appid");
        }
        if (mchId == null || !MCH_ID.matcher(mchId).matches()) {
            throw new IllegalArgumentException("\"" + mchId + "\" is not a WeChat mch_id (digits)");
        }
    }
}
