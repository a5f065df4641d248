package io.shoudan.server;

import io.shoudan.payment.PaymentService;
import io.shoudan.policy.Policy;
import io.shoudan.server.live.ChannelStatusOverlay;
import io.shoudan.server.live.StoreSnapshotSource;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.channel.ChannelConnectionRepository;
import io.shoudan.store.channel.MaintenanceWindowRepository;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.fee.CachedRateCards;
import io.shoudan.store.fee.JooqRateCards;
import io.shoudan.store.fee.RateCardRepository;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.payment.JooqPaymentStore;
import io.shoudan.store.policy.PolicyVersionRepository;
import io.shoudan.store.snapshot.SnapshotQuery;
import io.shoudan.store.terminal.TerminalModelRepository;
import io.shoudan.store.terminal.TerminalRepository;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The store-backed part of Shoudan, wired by hand: the database and its repositories, the live
 * snapshot source every sale and live diagnosis decides on, and the rate cards a sale is priced
 * with. Opened by the commands that need the store; closing it closes the pool.
 */
public final class Application implements AutoCloseable {

    private final Database database;
    private final AuditLog audit;
    private final MerchantRepository merchants;
    private final TerminalModelRepository terminalModels;
    private final TerminalRepository terminals;
    private final PolicyVersionRepository policies;
    private final ChannelConnectionRepository connections;
    private final MaintenanceWindowRepository maintenance;
    private final StoreSnapshotSource snapshots;
    private final JooqPaymentStore payments;
    private final RateCardRepository rateCards;
    private final CachedRateCards rateCardsInForce;

    public Application(Database database, Clock clock, PolicyReader policyReader, Supplier<Policy> defaultPolicy,
                       ChannelStatusOverlay health) {
        this.database = database;
        this.audit = new AuditLog(database, clock);
        this.merchants = new MerchantRepository(database, clock, PaymentService.BUSINESS_ZONE);
        this.terminalModels = new TerminalModelRepository(database, clock);
        this.terminals = new TerminalRepository(database, clock);
        this.policies = new PolicyVersionRepository(database, audit, clock);
        this.connections = new ChannelConnectionRepository(database, clock);
        this.maintenance = new MaintenanceWindowRepository(database, audit, clock);
        this.rateCardsInForce = new CachedRateCards(new JooqRateCards(database));
        this.snapshots = new StoreSnapshotSource(new SnapshotQuery(database, PaymentService.BUSINESS_ZONE), terminals, policies,
                policyReader, defaultPolicy, connections, maintenance, health, rateCardsInForce);
        this.payments = new JooqPaymentStore(database);
        this.rateCards = new RateCardRepository(database, clock);
    }

    /** Opens the configured database (migrating it) and wires the repositories. */
    public static Application open(DatabaseConfig config, Clock clock, PolicyReader policyReader,
                                   Supplier<Policy> defaultPolicy) {
        return new Application(Database.open(config), clock, policyReader, defaultPolicy, ChannelStatusOverlay.STORED_ONLY);
    }

    /**
     * Opens a store that exists at this code's schema version without changing it, for the commands that only read
     * ({@code diagnose}, {@code ledger check}); see {@link Database#openExisting}.
     */
    public static Application openExisting(DatabaseConfig config, Clock clock, PolicyReader policyReader,
                                           Supplier<Policy> defaultPolicy) {
        return new Application(Database.openExisting(config), clock, policyReader, defaultPolicy, ChannelStatusOverlay.STORED_ONLY);
    }

    public Database database() {
        return database;
    }

    public AuditLog audit() {
        return audit;
    }

    public MerchantRepository merchants() {
        return merchants;
    }

    public TerminalModelRepository terminalModels() {
        return terminalModels;
    }

    public TerminalRepository terminals() {
        return terminals;
    }

    public PolicyVersionRepository policies() {
        return policies;
    }

    public ChannelConnectionRepository connections() {
        return connections;
    }

    public MaintenanceWindowRepository maintenance() {
        return maintenance;
    }

    public JooqPaymentStore payments() {
        return payments;
    }

    public RateCardRepository rateCards() {
        return rateCards;
    }

    /** What the payment service prices with: the cards in force, kept current by {@link #snapshots()}. */
    public CachedRateCards rateCardsInForce() {
        return rateCardsInForce;
    }

    public StoreSnapshotSource snapshots() {
        return snapshots;
    }

    @Override
    public void close() {
        database.close();
    }
}
