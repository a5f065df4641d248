package io.shoudan.channels.alipay;

import io.shoudan.merchant.MerchantId;

import java.util.Optional;

/** Which Alipay application serves a merchant (store, configuration). Empty: the merchant has no Alipay contract. */
@FunctionalInterface
public interface AlipayAccounts {

    Optional<AlipayMerchantAccount> of(MerchantId merchant);
}
