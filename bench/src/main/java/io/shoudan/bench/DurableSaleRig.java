package io.shoudan.bench;

import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Installments;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCardId;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.SequentialIds;
import io.shoudan.payment.Sleeper;
import io.shoudan.policy.Policy;
import io.shoudan.server.Application;
import io.shoudan.server.live.ChannelStatusOverlay;
import io.shoudan.server.node.NodeIdentity;
import io.shoudan.server.node.NodeWiring;
import io.shoudan.server.node.PaymentParts;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.server.scenario.ScenarioReader;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.store.fee.RateCardRepository;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.payment.JooqPaymentStore;
import io.shoudan.store.terminal.TerminalModelRepository;
import io.shoudan.store.terminal.TerminalModelSpec;
import io.shoudan.store.terminal.TerminalRepository;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalSn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Everything a durable sale goes through, set up once: a store (H2 file under a temp directory, or
 * its own schema in the PostgreSQL database {@code test}), {@value #MERCHANTS} merchants each with a
 * terminal and rate cards (copied from example scenario 01, whose sale the real engine allows),
 * the shipped policy stored as the active version and the channels' connections, the real
 * {@link EligibilityEngine} as gate, the server's own snapshot source (one read per sale: merchant with
 * usage, terminal, policy and configuration versions) with the rate cards it keeps current
 * ({@link io.shoudan.store.fee.CachedRateCards}), {@link JooqPaymentStore}, and {@link InstantChannel}s.
 *
 * <p>{@link #sale()} is one Alipay sale of 10.00 CNY with a new request id, by the next merchant in
 * turn. Anything but {@code Succeeded} is counted, and {@link #close()} refuses to report a run in
 * which any sale did not succeed (a declined sale is cheaper and would flatter the rate).
 *
 * <p>{@code -Dshoudan.h2.settings=";CACHE_SIZE=4096"} appends H2 settings to the file URL (experiments
 * only; docs/BENCHMARKS.md names the ones tried); {@code -Dshoudan.pg.url} and {@code -Dshoudan.pg.user}
 * choose the PostgreSQL server.
 */
final class DurableSaleRig implements AutoCloseable {

    static final int MERCHANTS = 100;
    private static final String ALIPAY_CODE = "284012345678901234";

    private final Store store;
    private final Database database;
    private final Runnable cleanup;
    private final PaymentService service;
    private final List<MerchantId> merchants = new ArrayList<>();
    private final List<TerminalSn> terminals = new ArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notSucceeded = new AtomicLong();
    private volatile SaleOutcome firstNotSucceeded;

    enum Store { H2, POSTGRESQL }

    /**
     * The store's connection pool: the product's default ({@value DatabaseConfig#DEFAULT_POOL_SIZE}),
     * whatever the number of threads — more connections than cores only make PostgreSQL's backends
     * queue for the CPU; {@code -Dshoudan.pool=N} to try another.
     */
    static int poolSize() {
        return Integer.getInteger("shoudan.pool", DatabaseConfig.DEFAULT_POOL_SIZE);
    }

    DurableSaleRig(Store kind, int poolSize) throws IOException {
        this.store = kind;
        Path examples = Path.of(System.getProperty("shoudan.examples", "examples"));
        PolicyReader policies = new PolicyReader();
        Snapshot template = new ScenarioReader(policies, () -> DefaultPolicy.load(policies))
                .read(Files.readString(examples.resolve("01-huabei-3-installments-ok.json"))).snapshot();
        Clock clock = Clock.fixed(template.at().toInstant(), ZoneId.of("Asia/Shanghai"));
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (kind == Store.H2) {
            Path dir = Files.createTempDirectory("shoudan-bench-h2-");
            database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("shoudan").toAbsolutePath()
                            + System.getProperty("shoudan.h2.settings", "")))
                    .withPoolSize(poolSize));
            cleanup = () -> deleteTree(dir);
        } else {
            String url = System.getProperty("shoudan.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getProperty("shoudan.pg.user", "postgres");
            String schema = "bench_durable_" + run;
            database = Database.open(DatabaseConfig.of(new JdbcUrl(url)).withCredentials(user, null).withSchema(schema)
                    .withPoolSize(poolSize));
            cleanup = () -> dropSchema(url, user, schema);
        }
        Policy defaultPolicy = DefaultPolicy.load(policies);
        Application app = new Application(database, clock, policies, () -> defaultPolicy, ChannelStatusOverlay.STORED_ONLY);
        MerchantRepository merchantRepository = app.merchants();
        TerminalModelRepository models = app.terminalModels();
        TerminalRepository terminalRepository = app.terminals();
        RateCardRepository rateCards = app.rateCards();
        // what a production store holds: the shipped policy stored as the active version, the channels' connections
        app.policies().saveAndActivate(DefaultPolicy.document(), new Operator("bench"), "durable sale benchmark");
        template.channels().forEach((channel, state) -> app.connections().save(channel, state));
        Terminal terminal = template.terminal();
        models.save(new TerminalModelSpec(terminal.model(), terminal.capabilities()));
        Merchant merchant = template.merchant();
        for (int i = 0; i < MERCHANTS; i++) {
            MerchantId id = new MerchantId(String.format("M%06d", 500_000 + i));
            TerminalSn sn = new TerminalSn(String.format("LKL-A8-%06d", 500_000 + i));
            merchantRepository.save(new Merchant(id, merchant.type(), merchant.status(), merchant.mcc(), merchant.region(),
                    merchant.creditRating(), merchant.products(), merchant.disabledMethods(), null));
            terminalRepository.save(new Terminal(sn, id, terminal.model(), terminal.capabilities(), terminal.firmware(),
                    terminal.protocolVersion(), terminal.status(), terminal.signedOn(), terminal.keysExpireAt(),
                    terminal.registeredRegion(), terminal.observedRegion(), terminal.lastSeenAt(), terminal.enabledMethods()));
            rateCards.save(new RateCard(new RateCardId("RC-" + id.value() + "-ALIPAY"), 1, id, PaymentMethod.ALIPAY,
                    LocalDate.of(2026, 1, 1), null, new FeeRule.Scan(Rate.percent("0.38"))));
            merchants.add(id);
            terminals.add(sn);
        }
        EligibilityEngine engine = new EligibilityEngine();
        service = NodeWiring.paymentService(new PaymentParts(new JooqPaymentStore(database),
                List.of(new InstantChannel(Channel.ALIPAY), new InstantChannel(Channel.WECHAT), new InstantChannel(Channel.UNIONPAY)),
                PaymentService.defaultPlans(), engine::evaluateWithoutAlternatives,
                app.snapshots(), app.rateCardsInForce(),
                new SequentialIds("B" + run, 1), clock, Sleeper.system(), new NodeIdentity("bench-" + run)));
    }

    /** One durable sale: gate, price, PROCESSING stored, channel, SUCCEEDED + SALE and FEE journals stored. */
    SaleOutcome sale() {
        long n = requests.getAndIncrement();
        int who = (int) (n % MERCHANTS);
        SaleOutcome outcome = service.sale(new SaleRequest(merchants.get(who), terminals.get(who), new RequestId.Client("B" + n),
                PaymentMethod.ALIPAY, Money.parse("10.00"), Installments.NONE, new Instrument.ScannedCode(ALIPAY_CODE)));
        if (!(outcome instanceof SaleOutcome.Succeeded)) {
            notSucceeded.incrementAndGet();
            firstNotSucceeded = firstNotSucceeded == null ? outcome : firstNotSucceeded;
        }
        return outcome;
    }

    Store store() {
        return store;
    }

    long sales() {
        return requests.get();
    }

    long notSucceeded() {
        return notSucceeded.get();
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            cleanup.run();
        }
        if (notSucceeded.get() > 0) {
            throw new IllegalStateException(notSucceeded.get() + " of " + requests.get()
                    + " sales did not succeed; the first: " + firstNotSucceeded + " — the measurement is void");
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void dropSchema(String url, String user, String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, null);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop schema " + schema + ": " + e.getMessage());
        }
    }
}
