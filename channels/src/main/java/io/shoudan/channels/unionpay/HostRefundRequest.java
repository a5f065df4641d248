package io.shoudan.channels.unionpay;

import io.shoudan.money.Money;

import java.util.Objects;

/** A refund (退货, 0220 / 200000 / 60.1 = 25) of an earlier sale by its retrieval reference number (field 37). */
public record HostRefundRequest(UnionPayMerchantAccount account, Stan stan, String originalRrn, Money amount) {

    public HostRefundRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(stan, "stan");
        Objects.requireNonNull(originalRrn, "originalRrn");
        Objects.requireNonNull(amount, "amount");
    }
}
