package io.shoudan.store.payment;

import io.shoudan.eligibility.Snapshot;
import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Installments;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.AdjustmentOutcome;
import io.shoudan.payment.EligibilityGate;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.SequentialIds;
import io.shoudan.payment.SnapshotSource;
import io.shoudan.payment.testing.ManualTime;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel;
import io.shoudan.policy.Policy;
import io.shoudan.store.audit.AuditAction;
import io.shoudan.store.audit.AuditEntry;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.AuditSubject;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.store.fee.JooqRateCards;
import io.shoudan.store.fee.RateCardRepository;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.testing.Fixtures;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process {@link KilledProcessDurabilityTest} kills: the real {@link PaymentService} over {@link JooqPaymentStore} on
 * the H2 file named by its argument, four threads selling and voiding every fifth sale without end, each answer printed
 * on a line of its own <em>after</em> the service returned it — what a terminal would have been told — and a fifth
 * appending audit entries one statement at a time (auto-commit), each printed once the store returned its id.
 *
 * <p>Lines: {@code READY}, then {@code SALE <payment id> <state>}, {@code VOID <payment id> <state>} and
 * {@code AUDIT <entry id>}; {@code ERROR …} (and exit status 3) if anything failed.
 */
public final class SalesUntilKilled {

    static final String READY = "READY";

    private SalesUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.open(DatabaseConfig.of(new JdbcUrl(args[0])));
        ManualTime time = new ManualTime(PaymentWorld.START);
        new MerchantRepository(database, time, ZoneId.of("Asia/Shanghai")).save(Fixtures.merchant(PaymentWorld.MERCHANT.value()));
        new RateCardRepository(database, time).save(new RateCard(PaymentWorld.card(PaymentWorld.MERCHANT, PaymentMethod.ALIPAY), 1,
                PaymentWorld.MERCHANT, PaymentMethod.ALIPAY, LocalDate.of(2026, 1, 1), null, new FeeRule.Scan(Rate.percent("0.38"))));
        EligibilityGate gate = (snapshot, intent) -> PaymentWorld.allow(intent);
        SnapshotSource snapshots = (merchant, terminal, at) -> Optional.of(new Snapshot(at, PaymentWorld.merchant(merchant),
                PaymentWorld.terminal(merchant), null, Map.of(), List.of(), new Policy(null, Map.of())));
        PaymentService service = new PaymentService(new JooqPaymentStore(database),
                List.of(new SimulatedChannel(Channel.ALIPAY), new SimulatedChannel(Channel.WECHAT), new SimulatedChannel(Channel.UNIONPAY)),
                PaymentService.defaultPlans(), gate, snapshots, new JooqRateCards(database), new SequentialIds("K", 1), time, time);

        PrintStream out = System.out;
        out.println(READY);
        out.flush();
        for (int t = 0; t < 4; t++) {
            String thread = "t" + t;
            Thread.ofPlatform().start(() -> {
                try {
                    sell(service, thread, out);
                } catch (Throwable e) {
                    print(out, "ERROR " + e);
                    System.exit(3);
                }
            });
        }
        AuditLog audit = new AuditLog(database, time);
        Thread.ofPlatform().start(() -> {
            try {
                for (long i = 1; ; i++) {
                    AuditEntry entry = audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", Long.toString(i)), null, null);
                    print(out, "AUDIT " + entry.id().value());
                }
            } catch (Throwable e) {
                print(out, "ERROR " + e);
                System.exit(3);
            }
        });
        Thread.currentThread().join(); // until killed
    }

    private static void sell(PaymentService service, String thread, PrintStream out) {
        for (long i = 1; ; i++) {
            RequestId request = new RequestId.Client(thread + "-" + i);
            SaleOutcome sale = service.sale(new SaleRequest(PaymentWorld.MERCHANT, PaymentWorld.TERMINAL, request, PaymentMethod.ALIPAY,
                    Money.ofFen(1_000 + i % 97), Installments.NONE, PaymentWorld.instrumentFor(PaymentMethod.ALIPAY)));
            if (!(sale instanceof SaleOutcome.Succeeded succeeded)) {
                throw new IllegalStateException("a sale with an instant channel did not succeed: " + sale);
            }
            print(out, "SALE " + succeeded.payment().id().value() + " " + succeeded.payment().state());
            if (i % 5 == 0) {
                AdjustmentOutcome voided = service.voidSale(PaymentWorld.MERCHANT, new RequestId.Client(thread + "-v" + i), request);
                if (!(voided instanceof AdjustmentOutcome.Done done)) {
                    throw new IllegalStateException("a void with an instant channel was not done: " + voided);
                }
                print(out, "VOID " + done.payment().id().value() + " " + done.payment().state());
            }
        }
    }

    private static void print(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
