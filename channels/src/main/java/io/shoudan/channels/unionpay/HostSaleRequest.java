package io.shoudan.channels.unionpay;

import io.shoudan.money.Money;
import io.shoudan.payment.Instrument;

import java.util.Objects;

/**
 * A sale to the UnionPay host (0200 / 000000 / 60.1 = 22): a UnionPay QR code the terminal scanned, or a
 * card held by the ingress ({@link Instrument.CardReference}; the transport on the host link resolves
 * it to track / PAN / PIN block, so card data never passes through the adapter).
 */
public record HostSaleRequest(UnionPayMerchantAccount account, Stan stan, Instrument instrument, Money amount) {

    public HostSaleRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(stan, "stan");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(amount, "amount");
    }
}
