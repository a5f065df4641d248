package io.shoudan.channels.wechat;

import io.shoudan.merchant.MerchantId;

import java.util.Optional;

/** Which WeChat Pay merchant number serves a merchant. Empty: no WeChat Pay contract. */
@FunctionalInterface
public interface WechatAccounts {

    Optional<WechatMerchantAccount> of(MerchantId merchant);
}
