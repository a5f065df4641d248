package io.shoudan.merchant;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a merchant's application for one product stands: its status on the platform and, as far as
 * onboarding knows them, since when, what the reviewer rejected, whether the merchant has confirmed
 * opening the account with the channel, and what the channel itself last reported.
 *
 * @param since            when the product entered {@code status}; {@code null}: unknown
 * @param rejections       the reviewer's list for a {@link ProductStatus#REJECTED} product; may be empty
 * @param consent          false: approved, but the merchant has not confirmed account opening / authorised
 *                         collection with the channel (WeChat Pay's {@code authorize_state} UNAUTHORIZED)
 * @param channelStatus    the product's status as the channel last reported it; {@code null}: not asked
 * @param channelCheckedAt when the channel reported {@code channelStatus}
 */
public record ProductState(ProductStatus status, OffsetDateTime since, List<Rejection> rejections, boolean consent,
                           ProductStatus channelStatus, OffsetDateTime channelCheckedAt) {

    public static final ProductState NOT_SIGNED = of(ProductStatus.NOT_SIGNED);

    public ProductState {
        if (status == null) {
            throw new IllegalArgumentException("a product state needs a status");
        }
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        if (!rejections.isEmpty() && status != ProductStatus.REJECTED) {
            throw new IllegalArgumentException("only a REJECTED product lists rejections, not a " + status + " one");
        }
        if (channelCheckedAt != null && channelStatus == null) {
            throw new IllegalArgumentException("channelCheckedAt without a channelStatus");
        }
    }

    /** A product known only by its status: consent given, nothing reported by the channel. */
    public static ProductState of(ProductStatus status) {
        return new ProductState(status, null, List.of(), true, null, null);
    }

    /** Each status as a state of its own (see {@link #of}). */
    public static Map<Product, ProductState> of(Map<Product, ProductStatus> statuses) {
        Map<Product, ProductState> states = new EnumMap<>(Product.class);
        statuses.forEach((product, status) -> states.put(product, of(status)));
        return Collections.unmodifiableMap(states);
    }

    /** The channel last reported another status than the platform holds for an active product. */
    public boolean drifted() {
        return status == ProductStatus.ACTIVE && channelStatus != null && channelStatus != ProductStatus.ACTIVE;
    }

    /** Approved on the platform, but the merchant has not confirmed account opening with the channel. */
    public boolean awaitingConsent() {
        return status == ProductStatus.ACTIVE && !consent;
    }
}
