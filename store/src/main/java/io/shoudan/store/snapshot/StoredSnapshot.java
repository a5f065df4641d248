package io.shoudan.store.snapshot;

import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductState;
import io.shoudan.terminal.Terminal;

import java.util.Map;
import java.util.Optional;

/**
 * What one read of {@link SnapshotQuery} returns: the merchant (with its usage) and the terminal as
 * stored now, and the versions of the configuration a node keeps in memory, so it can tell whether
 * its copies are current.
 *
 * @param merchant            empty when there is no such merchant
 * @param policyVersion       the active policy version; empty while none has been stored
 * @param channelsVersion     the {@code channel_connections} counter of {@code config_versions}
 * @param maintenanceVersion  the {@code maintenance_windows} counter
 * @param rateCardsVersion    the {@code fee_rate_cards} counter
 */
public record StoredSnapshot(Optional<Merchant> merchant, Terminal terminal, Optional<Long> policyVersion, long channelsVersion,
                             long maintenanceVersion, long rateCardsVersion) {

    /** This snapshot with the merchant's products read whole (see {@link SnapshotQuery}). */
    StoredSnapshot withProducts(Map<Product, ProductState> products) {
        return new StoredSnapshot(merchant.map(m -> m.withProducts(products)), terminal, policyVersion, channelsVersion,
                maintenanceVersion, rateCardsVersion);
    }
}
