package io.shoudan.server.live;

import io.shoudan.channel.ChannelState;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.payment.SnapshotSource;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.policy.Policy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.store.channel.ChannelConnectionRepository;
import io.shoudan.store.channel.MaintenanceWindowRepository;
import io.shoudan.store.fee.CachedRateCards;
import io.shoudan.store.policy.PolicyVersion;
import io.shoudan.store.policy.PolicyVersionNumber;
import io.shoudan.store.policy.PolicyVersionRepository;
import io.shoudan.store.snapshot.SnapshotQuery;
import io.shoudan.store.snapshot.StoredSnapshot;
import io.shoudan.store.terminal.TerminalRepository;
import io.shoudan.terminal.TerminalSn;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The live snapshot a sale or a live diagnosis is decided on, read from the store in one round trip
 * ({@link SnapshotQuery}): the merchant with its usage today and this month and the terminal, always
 * as stored now; the active policy, the channels' connections and the maintenance windows from this
 * node's copies, which the same read tells current or not (the active policy version, the
 * {@code config_versions} counters) — a copy is reloaded before the snapshot is built whenever any
 * node changed what it holds, so a change applies to the next payment everywhere. The same read's
 * rate card counter is handed to this node's {@link CachedRateCards}, which prices the sale next.
 * The channels are seen through their live health. Live payments have no consumer simulation.
 */
public final class StoreSnapshotSource implements SnapshotSource {

    private final SnapshotQuery query;
    private final TerminalRepository terminals;
    private final PolicyVersionRepository policies;
    private final PolicyReader policyReader;
    private final Supplier<Policy> defaultPolicy;
    private final ChannelConnectionRepository connections;
    private final MaintenanceWindowRepository maintenance;
    private final ChannelStatusOverlay health;
    private final CachedRateCards rateCards;
    private final ObjectMapper json = new ObjectMapper();

    /** Each copy with the version it was read at; replaced whole (volatile), so readers never see half of one. */
    private volatile Copy<Policy> policy;
    private volatile Copy<Map<Channel, ChannelState>> channels;
    private volatile Copy<Windows> windows;

    private record Copy<T>(long version, T value) {
    }

    /** The windows not over at {@code readAt}: a superset of those not over at any later moment. */
    private record Windows(OffsetDateTime readAt, List<MaintenanceWindow> notOver) {
    }

    public StoreSnapshotSource(SnapshotQuery query, TerminalRepository terminals, PolicyVersionRepository policies,
                               PolicyReader policyReader, Supplier<Policy> defaultPolicy,
                               ChannelConnectionRepository connections, MaintenanceWindowRepository maintenance,
                               ChannelStatusOverlay health, CachedRateCards rateCards) {
        this.query = query;
        this.terminals = terminals;
        this.policies = policies;
        this.policyReader = policyReader;
        this.defaultPolicy = defaultPolicy;
        this.connections = connections;
        this.maintenance = maintenance;
        this.health = health;
        this.rateCards = rateCards;
    }

    /**
     * Empty only when the merchant or the terminal does not exist at all; a terminal bound to another
     * merchant is returned as it is, so the engine can say {@code TERMINAL.UNBOUND} with the facts.
     */
    @Override
    public Optional<Snapshot> snapshot(MerchantId merchantId, TerminalSn sn, OffsetDateTime at) {
        Optional<StoredSnapshot> read = query.read(merchantId, sn, at);
        if (read.isEmpty() || read.get().merchant().isEmpty()) {
            return Optional.empty();
        }
        StoredSnapshot stored = read.get();
        rateCards.current(stored.rateCardsVersion());
        return Optional.of(new Snapshot(at, stored.merchant().get(), stored.terminal(), null, channels(stored.channelsVersion()),
                windows(stored.maintenanceVersion(), at), policy(stored.policyVersion())));
    }

    /** The snapshot for a terminal's own merchant: what {@code diagnose --terminal} asks about. */
    public Optional<Snapshot> snapshot(TerminalSn sn, OffsetDateTime at) {
        return terminals.find(sn).flatMap(terminal -> snapshot(terminal.merchantId(), sn, at));
    }

    private Map<Channel, ChannelState> channels(long version) {
        Copy<Map<Channel, ChannelState>> copy = channels;
        if (copy == null || copy.version() != version) {
            copy = new Copy<>(version, Map.copyOf(connections.all()));
            channels = copy;
        }
        Map<Channel, ChannelState> live = new EnumMap<>(Channel.class);
        copy.value().forEach((channel, stored) -> live.put(channel, health.apply(channel, stored)));
        return live;
    }

    private List<MaintenanceWindow> windows(long version, OffsetDateTime at) {
        Copy<Windows> copy = windows;
        if (copy == null || copy.version() != version || at.isBefore(copy.value().readAt())) {
            copy = new Copy<>(version, new Windows(at, List.copyOf(maintenance.notOverAt(at))));
            windows = copy;
        }
        return copy.value().notOver().stream().filter(window -> window.to().isAfter(at)).toList();
    }

    /** The active stored policy version, or the shipped default while none has been stored. */
    public Policy policy() {
        return policies.active().map(version -> policy(Optional.of(version.number().value()))).orElseGet(defaultPolicy);
    }

    private Policy policy(Optional<Long> active) {
        if (active.isEmpty()) {
            return defaultPolicy.get();
        }
        long number = active.get();
        Copy<Policy> copy = policy;
        if (copy != null && copy.version() == number) {
            return copy.value();
        }
        PolicyVersion version = policies.find(new PolicyVersionNumber(number)).orElseThrow(() ->
                new IllegalStateException("policy version " + number + " is active but not stored"));
        try {
            Policy parsed = policyReader.read(json.readTree(version.document()), "policy v" + number);
            policy = new Copy<>(number, parsed);
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("stored policy version " + number + " is not JSON", e);
        }
    }
}
