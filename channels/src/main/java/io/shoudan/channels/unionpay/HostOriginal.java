package io.shoudan.channels.unionpay;

import java.util.Objects;

/** Names an earlier message on its terminal, for a reversal (0400 repeats its field 11) or a status query. */
public record HostOriginal(UnionPayMerchantAccount account, Stan originalStan) {

    public HostOriginal {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(originalStan, "originalStan");
    }
}
