package io.shoudan.server.serve;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shoudan.channels.UnmappedCodes;
import io.shoudan.channels.health.BreakerSettings;
import io.shoudan.channels.health.ChannelConnection;
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
import io.shoudan.method.PaymentMethod;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.RecoveryPlan;
import io.shoudan.payment.RecoveryReport;
import io.shoudan.payment.SequentialIds;
import io.shoudan.policy.Policy;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.Sleeper;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.FundingSource;
import io.shoudan.sandbox.consumer.SampleConsumers;
import io.shoudan.sandbox.http.SandboxServer;
import io.shoudan.channels.alipay.AlipayGateway;
import io.shoudan.channels.alipay.sdk.AlipayConfiguration;
import io.shoudan.channels.alipay.sdk.SdkAlipayTransport;
import io.shoudan.channels.wechat.WechatGateway;
import io.shoudan.channels.wechat.http.HttpWechatTransport;
import io.shoudan.channels.wechat.http.WechatConfiguration;
import io.shoudan.method.Channel;
import io.shoudan.payment.ChannelGateway;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import io.shoudan.server.Application;
import io.shoudan.server.channel.SandboxAccounts;
import io.shoudan.server.channel.SandboxCards;
import io.shoudan.server.channel.SandboxChannels;
import io.shoudan.server.demo.DemoRun;
import io.shoudan.server.demo.SampleWorld;
import io.shoudan.server.demo.Seeder;
import io.shoudan.server.live.ChannelStatusOverlay;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.server.terminal8583.CardKinds;
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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What {@code ./shoudan serve} runs, with {@link #start}/{@link #stop} so tests can run it in process: the store,
 * the real payment service over the channel adapters (the in-process sandboxes until real channels are configured,
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
    public static final int SANDBOX_CONSUMERS = 100;

    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** What a node's name may be: 1-64 letters, digits, '.', '_', ':' or '-'. */
    public static boolean isNodeName(String name) {
        return name != null && NODE_NAME.matcher(name).matches();
    }

    /**
     * The node's name when none is given: the host's name and a digest of the data directory, so that the same
     * installation keeps its name across restarts (and takes back at once the payments its previous process was
     * settling), while two installations on one host — each has its own data directory — do not share one.
     */
    public static String defaultNodeName(Path dataDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknownHost) {
            host = "node";
        }
        host = host.replaceAll("[^A-Za-z0-9.-]", "-");
        String digest = HexFormat.of().formatHex(sha256(dataDir.toAbsolutePath().normalize().toString())).substring(0, 12);
        return (host.length() > 51 ? host.substring(0, 51) : host) + ":" + digest;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable: " + e.getClass().getSimpleName());
        }
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
            if (!isNodeName(node)) {
                throw new IllegalArgumentException("node: 1-64 letters, digits, '.', '_', ':' or '-', got " + node
                        + " / 节点名须为 1-64 个字母、数字或 . _ : -");
            }
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
    private final Sandbox sandbox;
    private final SandboxServer sandboxServer;
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
        long seed = switch (settings.channels()) {
            case ChannelsConfiguration.Sandbox s -> s.seed();
        };
        sandbox = new Sandbox(clock, Sleeper.real(), seed, SandboxSettings.defaults());
        ChannelHealth health = new ChannelHealth(BreakerSettings.defaults(), channel -> Optional.of(new ChannelConnection(true, null)), clock);
        ChannelStatusOverlay overlay = ChannelStatusOverlay.worsenedBy(health::status);
        Application opened = new Application(Database.open(settings.database()), clock, policyReader, defaultPolicy, overlay);
        SandboxServer startedSandbox = null;
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
            OffsetDateTime now = OffsetDateTime.now(clock);
            // Numbered by id order, so a restart over the same store gives every merchant the same accounts.
            SandboxAccounts accounts = SandboxAccounts.register(sandbox, opened.merchants().ids().stream()
                    .sorted(java.util.Comparator.comparing(MerchantId::value))
                    .map(id -> opened.merchants().find(id, now)).flatMap(Optional::stream).toList());
            SampleConsumers.register(sandbox.consumers(), "C", SANDBOX_CONSUMERS, seed);
            SandboxCards cards = new SandboxCards();
            SandboxHsm hsm = new SandboxHsm(cards);
            SandboxChannels channels = new SandboxChannels(sandbox, health, new UnmappedCodes(new SimpleMeterRegistry()),
                    CHANNEL_CALL_TIMEOUT,
                    accounts.alipay(), accounts.wechat(), accounts.unionPay(), cards);
            // The sandboxes listen first: Alipay and WeChat Pay are then reached over their real protocols
            // (the official Alipay SDK with RSA2, WeChat v2 XML with HMAC-SHA256), as real channels would be.
            // UnionPay's host link stays in-process until the sandbox speaks 8583 on a socket.
            startedSandbox = SandboxServer.start(sandbox, new SandboxServer.Settings(settings.sandboxPort(), settings.dataDir().resolve("sandbox")));
            SandboxServer listening = startedSandbox;
            AlipayGateway alipay = new AlipayGateway(new SdkAlipayTransport(AlipayConfiguration.sandbox(
                    URI.create(listening.alipayGatewayUrl()), accounts.anyAlipayAppId().orElse("2021000000000001"),
                    settings.dataDir().resolve("sandbox").resolve("alipay"))),
                    accounts.alipay(), channels.calls(Channel.ALIPAY));
            WechatGateway wechat = new WechatGateway(new PerMerchantWechatTransport(mchId -> new HttpWechatTransport(
                    WechatConfiguration.sandbox(URI.create(listening.wechatBaseUrl()), mchId, SandboxAccounts.WECHAT_APPID,
                            listening.wechatKeys().obtain(mchId).orElseThrow(
                                    () -> new IllegalStateException("no sandbox API key for WeChat merchant " + mchId))))),
                    accounts.wechat(), channels.calls(Channel.WECHAT));
            List<ChannelGateway> gateways = List.of(alipay, wechat, channels.unionPay());
            EligibilityEngine engine = new EligibilityEngine();
            // A fresh id prefix per start: ids stay unique across restarts over the same store.
            String node = "N" + Long.toString(clock.millis(), 36).toUpperCase();
            payments = new PaymentService(opened.payments(), gateways, settings.plans(), engine::evaluateWithoutAlternatives,
                    opened.snapshots(), opened.rateCardsInForce(), new SequentialIds(node, 1), clock,
                    io.shoudan.payment.Sleeper.system(), settings.node());
            vault.purgeExpired();
            recovery = payments.recover();
            housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "shoudan-card-vault-purge");
                thread.setDaemon(true);
                return thread;
            });
            housekeeping.scheduleWithFixedDelay(this::purgeQuietly, 1, 1, TimeUnit.HOURS);
            sweep = RecoverySweep.start(payments, settings.recoverySweep());
            TerminalHost host = new TerminalHost(payments, new StoreTerminalDirectory(directory),
                    hsm.watching(new StoreTerminalKeys(keys, opened.terminals())), new StoreBatchJournal(new BatchJournalRepository(opened.database(), clock)),
                    hsm.translating(new StoreCardVault(vault)), sandboxCardKinds(sandbox), new KeyGenerator(random), clock,
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
            if (startedSandbox != null) {
                startedSandbox.stop();
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
        this.sandboxServer = startedSandbox;
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
        return new Server(settings);
    }

    public int port8583() {
        return endpoint.port();
    }

    public SandboxServer sandboxServer() {
        return sandboxServer;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public Application app() {
        return app;
    }

    public PaymentService payments() {
        return payments;
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
        sandboxServer.stop();
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

    // ---- channels ----



    /**
     * Debit or credit (which prices the sale) as the sandbox's issuer knows its cards; an unknown card counts as
     * debit. Stands in for the BIN table a real deployment loads (not built yet).
     */
    private static CardKinds sandboxCardKinds(Sandbox sandbox) {
        return pan -> sandbox.consumers().cardOwner(pan.digits()).stream()
                .flatMap(owner -> owner.sources().stream())
                .filter(FundingSource.BankCard.class::isInstance).map(FundingSource.BankCard.class::cast)
                .filter(card -> card.pan().equals(pan.digits()))
                .findFirst()
                .map(card -> card.kind() == CardKind.CREDIT ? PaymentMethod.UNIONPAY_CREDIT : PaymentMethod.UNIONPAY_DEBIT)
                .orElse(PaymentMethod.UNIONPAY_DEBIT);
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
