package io.shoudan.bench;

import io.shoudan.eligibility.Snapshot;
import io.shoudan.merchant.MerchantId;
import io.shoudan.payment.SnapshotSource;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.terminal.TerminalRepository;
import io.shoudan.terminal.TerminalSn;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The live snapshot a sale is gated on, read from the store on every sale as a gateway node would:
 * the merchant with its products, switched-off methods and usage today / this month (summed in SQL),
 * and the terminal. Channel health, maintenance windows and the active policy are what a node keeps
 * in memory (circuit breakers, a policy cache refreshed on change), so they come from the template.
 */
final class StoreSnapshots implements SnapshotSource {

    private final MerchantRepository merchants;
    private final TerminalRepository terminals;
    private final Snapshot template;

    StoreSnapshots(MerchantRepository merchants, TerminalRepository terminals, Snapshot template) {
        this.merchants = merchants;
        this.terminals = terminals;
        this.template = template;
    }

    @Override
    public Optional<Snapshot> snapshot(MerchantId merchant, TerminalSn terminal, OffsetDateTime at) {
        return terminals.find(terminal)
                .filter(found -> found.merchantId().equals(merchant))
                .flatMap(found -> merchants.find(merchant, at).map(stored -> new Snapshot(at, stored, found, null,
                        template.channels(), template.maintenance(), template.policy())));
    }
}
