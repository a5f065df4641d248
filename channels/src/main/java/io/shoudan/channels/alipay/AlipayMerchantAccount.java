package io.shoudan.channels.alipay;

import java.util.regex.Pattern;

/** The Alipay application a merchant's payments go through ({@code app_id}). */
public record AlipayMerchantAccount(String appId) {

    private static final Pattern FORM = Pattern.compile("[0-9A-Za-z]{1,32}");

    public AlipayMerchantAccount {
        if (appId == null || !FORM.matcher(appId).matches()) {
            throw new IllegalArgumentException("\"" + appId + "\" is not an Alipay app_id (1-32 letters or digits)");
        }
    }
}
