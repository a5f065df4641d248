package io.shoudan.channels.unionpay;

import io.shoudan.money.Money;

import java.util.Objects;

/** A void (消费撤销, 0200 / 200000 / 60.1 = 23) of a same-day sale, by the original's field 11. */
public record HostVoidRequest(UnionPayMerchantAccount account, Stan stan, Stan originalStan, Money amount) {

    public HostVoidRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(stan, "stan");
        Objects.requireNonNull(originalStan, "originalStan");
        Objects.requireNonNull(amount, "amount");
    }
}
