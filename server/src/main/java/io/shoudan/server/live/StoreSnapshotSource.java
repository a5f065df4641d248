package io.shoudan.server.live;

import io.shoudan.channel.ChannelState;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.payment.SnapshotSource;
import io.shoudan.policy.Policy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.store.channel.ChannelConnectionRepository;
import io.shoudan.store.channel.MaintenanceWindowRepository;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.policy.PolicyVersion;
import io.shoudan.store.policy.PolicyVersionRepository;
import io.shoudan.store.terminal.TerminalRepository;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalSn;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The live snapshot a sale or a live diagnosis is decided on, read from the store: the merchant with
 * its usage today and this month, the terminal, the active policy version (parsed once per version),
 * the channels' connections seen through their live health, and the maintenance windows not over yet.
 * Live payments have no consumer simulation.
 */
public final class StoreSnapshotSource implements SnapshotSource {

    private final MerchantRepository merchants;
    private final TerminalRepository terminals;
    private final PolicyVersionRepository policies;
    private final PolicyReader policyReader;
    private final Supplier<Policy> defaultPolicy;
    private final ChannelConnectionRepository connections;
    private final MaintenanceWindowRepository maintenance;
    private final ChannelStatusOverlay health;
    private final ObjectMapper json = new ObjectMapper();

    /** The last parsed policy version; versions are immutable, so one parse per version suffices. */
    private volatile ParsedPolicy parsed;

    private record ParsedPolicy(long version, Policy policy) {
    }

    public StoreSnapshotSource(MerchantRepository merchants, TerminalRepository terminals, PolicyVersionRepository policies,
                               PolicyReader policyReader, Supplier<Policy> defaultPolicy,
                               ChannelConnectionRepository connections, MaintenanceWindowRepository maintenance,
                               ChannelStatusOverlay health) {
        this.merchants = merchants;
        this.terminals = terminals;
        this.policies = policies;
        this.policyReader = policyReader;
        this.defaultPolicy = defaultPolicy;
        this.connections = connections;
        this.maintenance = maintenance;
        this.health = health;
    }

    /**
     * Empty only when the merchant or the terminal does not exist at all; a terminal bound to another
     * merchant is returned as it is, so the engine can say {@code TERMINAL.UNBOUND} with the facts.
     */
    @Override
    public Optional<Snapshot> snapshot(MerchantId merchantId, TerminalSn sn, OffsetDateTime at) {
        Optional<Terminal> terminal = terminals.find(sn);
        Optional<Merchant> merchant = merchants.find(merchantId, at);
        if (terminal.isEmpty() || merchant.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(at, merchant.get(), terminal.get(), null, channels(), maintenance.notOverAt(at),
                policy()));
    }

    /** The snapshot for a terminal's own merchant: what {@code diagnose --terminal} asks about. */
    public Optional<Snapshot> snapshot(TerminalSn sn, OffsetDateTime at) {
        return terminals.find(sn).flatMap(terminal -> snapshot(terminal.merchantId(), sn, at));
    }

    private Map<Channel, ChannelState> channels() {
        Map<Channel, ChannelState> live = new EnumMap<>(Channel.class);
        connections.all().forEach((channel, stored) -> live.put(channel, health.apply(channel, stored)));
        return live;
    }

    /** The active stored policy version, or the shipped default while none has been stored. */
    public Policy policy() {
        Optional<PolicyVersion> active = policies.active();
        if (active.isEmpty()) {
            return defaultPolicy.get();
        }
        PolicyVersion version = active.get();
        ParsedPolicy cached = parsed;
        if (cached != null && cached.version() == version.number().value()) {
            return cached.policy();
        }
        try {
            Policy policy = policyReader.read(json.readTree(version.document()), "policy v" + version.number());
            parsed = new ParsedPolicy(version.number().value(), policy);
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException("stored policy version " + version.number() + " is not JSON", e);
        }
    }
}
