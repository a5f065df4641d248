package io.shoudan.server.serve;

import io.shoudan.channels.health.BreakerSettings;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyCheckValue;
import io.shoudan.iso8583.key.KeyGenerator;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.key.MasterKeyCipher;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.RecoveryPlan;
import io.shoudan.payment.RecoveryReport;
import io.shoudan.payment.SequentialIds;
import io.shoudan.policy.Policy;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.Sleeper;
import io.shoudan.sandbox.http.SandboxServer;

import io.shoudan.server.Application;
import io.shoudan.server.node.NodeIdentity;
import io.shoudan.server.node.NodeWiring;
import io.shoudan.server.node.PaymentParts;
import io.shoudan.server.node.WiredConnections;
import io.shoudan.server.terminal8583.BinTable;
import io.shoudan.store.channel.ChannelConnectionRepository;
import io.shoudan.server.demo.DemoRun;
import io.shoudan.server.demo.SampleWorld;
import io.shoudan.server.demo.Seeder;
import io.shoudan.server.live.ChannelStatusOverlay;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.server.terminal8583.EndpointLimits;
import io.shoudan.server.terminal8583.EndpointMetrics;
import io.shoudan.server.terminal8583.Terminal8583Server;
import io.shoudan.server.terminal8583.TerminalHost;
import io.shoudan.server.terminal8583.store.StoreBatchJournal;
import io.shoudan.server.terminal8583.store.StoreCardVault;
import io.shoudan.server.terminal8583.store.StoreTerminalDirectory;
import io.shoudan.server.terminal8583.store.StoreTerminalKeys;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.terminal8583.CardVaultRepository;
import io.shoudan.store.terminal8583.MasterKeyCheckRepository;
import io.shoudan.store.terminal8583.PosIdentity;
import io.shoudan.store.terminal8583.TerminalDirectoryRepository;
import io.shoudan.store.terminal8583.TerminalKeyRepository;
import io.shoudan.store.terminal8583.BatchJournalRepository;
import io.shoudan.terminal.Terminal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What {@code ./shoudan serve} runs, with {@link #start}/{@link #stop} so tests can run it in process: the store,
 * the real payment service over the channel adapters (the sandboxes or the live accounts of the configuration,
 * see {@link ChannelsConfiguration}), recovery of every payment a previous run left unresolved, the ISO 8583
 * endpoint over the store-backed terminal ports, and the sandbox's HTTP server (its admin API issues payment codes,
 * creates consumers and sets faults).
 *
 * <p>Order at start: open and migrate the store → (optionally) seed the demo world → register the store's merchants
 * at the sandbox channels → {@code recover()} → start the {@link RecoverySweep} → open the ports. Recovery runs before
 * the endpoint accepts terminals, so a terminal's retry of a sale the last run left open gets its settled answer; the
 * sweep then takes on, while serving, what a channel left unresolved (a sale whose cancel could not get through).
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    /** How many sample consumers the sandbox gets (ids {@code C-0001}…), the same people on every start with one seed. */
    public static final int SANDBOX_CONSUMERS = NodeChannels.SANDBOX_CONSUMERS;

    /** What a node's name may be: 1-64 letters, digits, '.', '_', ':' or '-' ({@link NodeIdentity#isName}). */
    public static boolean isNodeName(String name) {
        return NodeIdentity.isName(name);
    }

    /** The node's name when none is given ({@link NodeIdentity#defaultFor}): the same for one data directory across restarts. */
    public static String defaultNodeName(Path dataDir) {
        return NodeIdentity.defaultFor(dataDir).name();
    }

    /** How long a call to a channel may take before its outcome counts as unknown. */
    public static final Duration CHANNEL_CALL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param port8583     ISO 8583 port (0: any free port)
     * @param sandboxPort  sandbox HTTP port (0: any free port)
     * @param dataDir      the embedded store's directory, the generated master key ({@code keys/}) and the sandbox's keys ({@code sandbox/})
     * @param plans        the unknown-outcome plans ({@link PaymentService#defaultPlans()} in production)
     * @param cardRetention how long card data stays in the vault
     * @param recoverySweep when payments left unresolved are taken on again while serving
     * @param node          this node's name in the store's claims on payments, the same across restarts
     *                      ({@link #defaultNodeName})
     * @param masterKeyFile {@code --master-key-file}: the file holding the master key; null for {@code SHOUDAN_MASTER_KEY}
     *                      in {@code environment} or the embedded default ({@link MasterKeySource})
     */
    public record Settings(DatabaseConfig database, ChannelsConfiguration channels, int port8583, int sandboxPort, Path dataDir,
                           boolean seedDemo, Map<String, String> environment, Map<Channel, RecoveryPlan> plans,
                           EndpointLimits limits, Duration cardRetention, RecoverySweep.Schedule recoverySweep, String node,
                           Path masterKeyFile) {
        public Settings {
            Objects.requireNonNull(recoverySweep, "recoverySweep");
            new NodeIdentity(node);
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(channels, "channels");
            Objects.requireNonNull(dataDir, "dataDir");
            environment = Map.copyOf(environment);
            plans = Map.copyOf(plans);
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(cardRetention, "cardRetention");
            if (port8583 < 0 || port8583 > 65535 || sandboxPort < 0 || sandboxPort > 65535) {
                throw new IllegalArgumentException("ports are 0..65535");
            }
        }

        /** The environment by its names only: it carries {@code SHOUDAN_MASTER_KEY} and the store's password. */
        @Override
        public String toString() {
            return "Settings[database=" + database + ", channels=" + channels + ", port8583=" + port8583 + ", sandboxPort=" + sandboxPort
                    + ", dataDir=" + dataDir + ", seedDemo=" + seedDemo + ", environment=" + new java.util.TreeSet<>(environment.keySet())
                    + ", plans=" + plans.keySet() + ", limits=" + limits + ", cardRetention=" + cardRetention + ", recoverySweep=" + recoverySweep
                    + ", node=" + node + ", masterKeyFile=" + masterKeyFile + "]";
        }
    }

    /**
     * A terminal bound in the directory, as the banner of {@code --seed-demo} lists it: its ids and its TMK's check
     * value — never the TMK, which the demo hands over in the {@link KeyInjectionFile}.
     */
    public record DemoTerminal(PosIdentity pos, Terminal terminal, KeyCheckValue tmkCheckValue) {
    }

    private final Settings settings;
    private final Application app;
    private final NodeChannels channels;
    private final BinTable binTable;
    private final PaymentService payments;
    private final Terminal8583Server endpoint;
    private final RecoveryReport recovery;
    private final TerminalDirectoryRepository directory;
    private final TerminalKeyRepository keys;
    private final CardVaultRepository vault;
    private final MasterKeySource.Resolved masterKey;
    private final KeyCheckValue masterKeyCheckValue;
    private final boolean seeded;
    private boolean stopped;
    private ScheduledExecutorService housekeeping;
    private RecoverySweep sweep;

    private Server(Settings settings) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        // A key given but unusable (not hex, its file unreadable) stops the start before the store is opened.
        Optional<MasterKeySource.Resolved> configuredKey = MasterKeySource.configured(settings.environment(),
                Optional.ofNullable(settings.masterKeyFile()), settings.dataDir());
        PolicyReader policyReader = new PolicyReader();
        Supplier<Policy> defaultPolicy = () -> DefaultPolicy.load(policyReader);
        ChannelsConfiguration channelsConfiguration = settings.channels();
        long seed = channelsConfiguration.seed();
        // A BIN table given but unreadable stops the start before the store is opened, like the master key.
        BinTable cards = BinTable.configured(settings.environment());
        Database database = Database.open(settings.database());
        ChannelHealth health = new ChannelHealth(BreakerSettings.defaults(),
                new WiredConnections(channelsConfiguration.wired(), new ChannelConnectionRepository(database, clock)), clock);
        ChannelStatusOverlay overlay = ChannelStatusOverlay.ofNode(health::status, channelsConfiguration.wired());
        Application opened = new Application(database, clock, policyReader, defaultPolicy, overlay);
        NodeChannels wired = null;
        Terminal8583Server startedEndpoint = null;
        MasterKeySource.Resolved key = null;
        try {
            key = masterKeyFor(opened, configuredKey, settings.dataDir(), clock, random);
            MasterKeyCipher cipher = new MasterKeyCipher(key.key(), random);
            masterKeyCheckValue = cipher.checkValue();
            directory = new TerminalDirectoryRepository(opened.database(), clock);
            keys = new TerminalKeyRepository(opened.database(), cipher, clock);
            vault = new CardVaultRepository(opened.database(), clock, derive(key.key(), "shoudan card vault key"), random,
                    settings.cardRetention());
            seeded = settings.seedDemo() && opened.merchants().count() == 0;
            if (seeded) {
                seedDemo(opened, seed, clock, random);
            }
            wired = NodeChannels.wire(channelsConfiguration, opened, health, clock, settings.sandboxPort(), settings.dataDir(),
                    CHANNEL_CALL_TIMEOUT);
            EligibilityEngine engine = new EligibilityEngine();
            NodeIdentity node = new NodeIdentity(settings.node());
            payments = NodeWiring.paymentService(new PaymentParts(opened.payments(), wired.gateways(), settings.plans(),
                    engine::evaluateWithoutAlternatives, opened.snapshots(), opened.rateCardsInForce(),
                    new SequentialIds(NodeIdentity.idPrefix(clock), 1), clock, io.shoudan.payment.Sleeper.system(), node));
            LOG.info("node {} wired: channels {}, BIN table {}", node, wired.description(), cards.source());
            vault.purgeExpired();
            recovery = payments.recover();
            housekeeping = Executors.newSingleThreadScheduledExecutor(node.threads("card-vault-purge"));
            housekeeping.scheduleWithFixedDelay(this::purgeQuietly, 1, 1, TimeUnit.HOURS);
            sweep = RecoverySweep.start(payments, settings.recoverySweep(), node);
            TerminalHost host = new TerminalHost(payments, new StoreTerminalDirectory(directory),
                    wired.keys().apply(new StoreTerminalKeys(keys, opened.terminals())), new StoreBatchJournal(new BatchJournalRepository(opened.database(), clock)),
                    wired.vault().apply(new StoreCardVault(vault)), cards, new KeyGenerator(random), clock,
                    settings.limits().keyLifetime(), new EndpointMetrics());
            startedEndpoint = new Terminal8583Server(host, settings.limits()).start(settings.port8583());
        } catch (RuntimeException e) {
            if (sweep != null) {
                sweep.close();
            }
            if (housekeeping != null) {
                housekeeping.shutdownNow();
            }
            if (startedEndpoint != null) {
                startedEndpoint.stop();
            }
            if (wired != null) {
                wired.stop();
            }
            opened.close();
            // the key given, or the one generated, is wiped whether or not the store took it
            configuredKey.ifPresent(given -> Arrays.fill(given.key(), (byte) 0));
            if (key != null) {
                Arrays.fill(key.key(), (byte) 0);
            }
            throw e;
        }
        this.masterKey = key;
        this.app = opened;
        this.channels = wired;
        this.binTable = cards;
        this.endpoint = startedEndpoint;
    }

    /**
     * The master key this node seals and opens the store's keys with, checked against the store before anything else
     * touches it: the key given ({@code --master-key-file}, {@code SHOUDAN_MASTER_KEY}, the file generated earlier
     * for {@code --data}), or — when none is and the store is not sealed yet — a key generated now. A key that does
     * not open what the store sealed, or no key for a sealed store, refuses the start with one line naming the setting.
     */
    private static MasterKeySource.Resolved masterKeyFor(Application app, Optional<MasterKeySource.Resolved> configured, Path dataDir,
                                                         Clock clock, SecureRandom random) {
        MasterKeyCheckRepository check = new MasterKeyCheckRepository(app.database(), clock, random);
        if (configured.isEmpty()) {
            check.recorded().ifPresent(sealedUnder -> {
                throw new IllegalArgumentException(MasterKeySource.noneGivenForASealedStore(sealedUnder));
            });
        }
        MasterKeySource.Resolved key = configured.orElseGet(() -> MasterKeySource.generate(dataDir, random));
        if (check.verify(new MasterKeyCipher(key.key(), random)) instanceof MasterKeyCheckRepository.Verdict.DoesNotOpen refused) {
            throw new IllegalArgumentException(MasterKeySource.doesNotOpenTheStore(key, refused.given(), refused.sealedUnder()));
        }
        return key;
    }

    /** Opens the store, recovers, and starts listening; the caller must {@link #stop()} it. */
    public static Server start(Settings settings) {
        try (var logs = new NodeIdentity(settings.node()).inLogs()) {
            return new Server(settings);
        }
    }

    public int port8583() {
        return endpoint.port();
    }

    /** The sandbox's HTTP server. @throws IllegalStateException when the node is wired to live channels */
    public SandboxServer sandboxServer() {
        return channels.sandboxServer().orElseThrow(() -> new IllegalStateException("this node is wired to live channels: no sandbox"));
    }

    /** The sandbox the node trades with. @throws IllegalStateException when the node is wired to live channels */
    public Sandbox sandbox() {
        return channels.sandbox().orElseThrow(() -> new IllegalStateException("this node is wired to live channels: no sandbox"));
    }

    /** Which channels the node is wired to, for the banner (never a key). */
    public String channelsDescription() {
        return channels.description();
    }

    /** Where the node's BIN table came from, for the banner. */
    public String binTableSource() {
        return binTable.source();
    }

    public Application app() {
        return app;
    }

    public PaymentService payments() {
        return payments;
    }

    /** What the node was started with. */
    public Settings settings() {
        return settings;
    }

    /** This node's name in the store's claims on payments. */
    public String node() {
        return settings.node();
    }

    /** The recovery sweep while serving: its schedule and what it has done. */
    public RecoverySweep recoverySweep() {
        return sweep;
    }

    /** What the start-up {@code recover()} did. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /** True when this start seeded the demo world (the store was empty and {@code --seed-demo} was given). */
    public boolean seeded() {
        return seeded;
    }

    /** Where the master key came from (never the key). */
    public String masterKeyOrigin() {
        return masterKey.origin();
    }

    /** The master key's check value: the same on every node of one store. */
    public KeyCheckValue masterKeyCheckValue() {
        return masterKeyCheckValue;
    }

    /** The key-injection file of the demo world's TMKs, when {@code --seed-demo} wrote one into this node's data folder. */
    public Optional<Path> demoKeyFile() {
        Path file = KeyInjectionFile.in(settings.dataDir());
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    public EndpointMetrics endpointMetrics() {
        return endpoint.metrics();
    }

    /** The terminals in the directory with their TMKs' check values (listed by {@code --seed-demo}). */
    public List<DemoTerminal> demoTerminals() {
        List<DemoTerminal> out = new ArrayList<>();
        for (MerchantId merchant : app.merchants().ids()) {
            for (Terminal terminal : app.terminals().forMerchant(merchant)) {
                directory.bindingOf(terminal.sn()).ifPresent(binding -> keys.masterKey(terminal.sn()).ifPresent(k ->
                        out.add(new DemoTerminal(binding.pos(), terminal, k.tmk().checkValue()))));
            }
        }
        out.sort((a, b) -> a.pos().terminalId().compareTo(b.pos().terminalId()));
        return out;
    }

    /**
     * Stops the recovery sweep (a payment it was on is left for the next recovery), the endpoint (no new requests),
     * the sandbox server, and closes the store. Safe to call twice.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        sweep.close();
        housekeeping.shutdownNow();
        endpoint.stop();
        channels.stop();
        app.close();
        Arrays.fill(masterKey.key(), (byte) 0);
    }

    @Override
    public void close() {
        stop();
    }

    /** Hourly: card data past its retention is deleted. A failure (database away) is retried the next hour. */
    private void purgeQuietly() {
        try {
            vault.purgeExpired();
        } catch (RuntimeException e) {
            LOG.warn("card vault purge failed ({}); retried in an hour", e.getClass().getSimpleName());
        }
    }

    // ---- demo world ----

    /** Field 41 of the n-th demo terminal (1-based). */
    static String demoTerminalId(int n) {
        return String.format("%08d", 10_000_000 + n);
    }

    /** Field 42 of the m-th demo merchant (1-based). */
    static String demoAcceptorId(int m) {
        return String.format("898310%09d", m);
    }

    private void seedDemo(Application app, long seed, Clock clock, SecureRandom random) {
        OffsetDateTime dayStart = OffsetDateTime.now(clock.withZone(PaymentService.BUSINESS_ZONE)).truncatedTo(ChronoUnit.DAYS);
        SampleWorld world = SampleWorld.generate(seed, dayStart);
        new Seeder(app).seed(world, DefaultPolicy.document());
        DemoRun.rateCards(world).forEach(app.rateCards()::save);
        Map<MerchantId, Integer> merchantNumbers = new HashMap<>();
        for (Merchant merchant : world.merchants()) {
            merchantNumbers.put(merchant.id(), merchantNumbers.size() + 1);
        }
        int n = 0;
        List<KeyInjectionFile.Entry> injected = new ArrayList<>();
        for (Terminal terminal : world.terminals()) {
            n++;
            PosIdentity pos = new PosIdentity(demoTerminalId(n), demoAcceptorId(merchantNumbers.get(terminal.merchantId())));
            directory.bind(pos, terminal.sn(), terminal.merchantId());
            byte[] clear = new byte[16];
            random.nextBytes(clear);
            DesKey tmk = DesKey.of(clear);
            Arrays.fill(clear, (byte) 0);
            keys.loadMasterKey(terminal.sn(), tmk, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);
            injected.add(new KeyInjectionFile.Entry(pos, terminal.sn(), tmk, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB));
        }
        // The hand-over to the terminals' key loading: a file of the owner's only, never the console.
        KeyInjectionFile.write(KeyInjectionFile.in(settings.dataDir()), injected);
    }

    private static byte[] derive(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getClass().getSimpleName());
        }
    }
}
