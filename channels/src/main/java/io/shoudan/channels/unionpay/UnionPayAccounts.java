package io.shoudan.channels.unionpay;

import io.shoudan.merchant.MerchantId;

import java.util.Optional;

/** A merchant's identifiers on the UnionPay host link. Empty: no UnionPay contract. */
@FunctionalInterface
public interface UnionPayAccounts {

    Optional<UnionPayMerchantAccount> of(MerchantId merchant);
}
