package io.shoudan.store.payment;

import io.shoudan.eligibility.Snapshot;
import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.payment.EligibilityGate;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.RecoveryPlan;
import io.shoudan.payment.SequentialIds;
import io.shoudan.payment.SnapshotSource;
import io.shoudan.payment.testing.ManualTime;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel;
import io.shoudan.payment.testing.TwoNodeSettlement;
import io.shoudan.policy.Policy;
import io.shoudan.store.database.Database;
import io.shoudan.store.fee.JooqRateCards;
import io.shoudan.store.fee.RateCardRepository;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core's {@link TwoNodeSettlement} on the databases: two nodes' sales, recoveries and reversals at once over one
 * {@link JooqPaymentStore}, whose claims and versioned writes are the database's own (read committed, row locks),
 * end each payment once with the channel's money, the payments and the ledger agreeing.
 */
class ConcurrentSettlementOnDatabaseTest {

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"H2, 1", "H2, 2", "POSTGRESQL, 1", "POSTGRESQL, 2"})
    void twoNodesSellingRecoveringAndReversingAtOnceEndEachPaymentOnceWithTheMoneyRight(TestDatabase kind, long seed) throws Exception {
        try (TestDatabase.FreshDatabase fresh = kind.open()) {
            Database database = fresh.database();
            ManualTime time = new ManualTime(PaymentWorld.START);
            new MerchantRepository(database, time, ZoneId.of("Asia/Shanghai")).save(Fixtures.merchant(PaymentWorld.MERCHANT.value()));
            new RateCardRepository(database, time).save(new RateCard(PaymentWorld.card(PaymentWorld.MERCHANT, PaymentMethod.ALIPAY), 1,
                    PaymentWorld.MERCHANT, PaymentMethod.ALIPAY, LocalDate.of(2026, 1, 1), null, new FeeRule.Scan(Rate.percent("0.38"))));
            JooqPaymentStore store = new JooqPaymentStore(database);
            SimulatedChannel alipay = new SimulatedChannel(Channel.ALIPAY);
            List<ChannelGateway> others = List.of(new SimulatedChannel(Channel.WECHAT), new SimulatedChannel(Channel.UNIONPAY));
            EligibilityGate gate = (snapshot, intent) -> PaymentWorld.allow(intent);
            SnapshotSource snapshots = (merchant, terminal, at) -> Optional.of(new Snapshot(at, PaymentWorld.merchant(merchant),
                    PaymentWorld.terminal(merchant), null, Map.of(), List.of(), new Policy(null, Map.of())));

            TwoNodeSettlement.run(seed, 4, 40, alipay, store, (String node, Map<Channel, RecoveryPlan> plans, ChannelGateway gateway) ->
                    new PaymentService(store, List.of(gateway, others.get(0), others.get(1)), plans, gate, snapshots,
                            new JooqRateCards(database), new SequentialIds(node.replace("node-", "").toUpperCase(), 1), time, time, node));
        }
    }
}
