package io.shoudan.server.live;

import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCardId;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.server.Application;
import io.shoudan.server.demo.DemoRun;
import io.shoudan.server.demo.SampleWorld;
import io.shoudan.server.demo.Seeder;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes over one store, each pricing sales from its own copy of the rate cards: a card
 * saved through either node prices the next sale on both, because the sale's snapshot carries the
 * rate cards' counter to the copy ({@link StoreSnapshotSource}, {@code CachedRateCards}).
 */
class RateCardsAcrossNodesTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
    private static final LocalDate DAY = AT.toLocalDate();

    private Application nodeA;
    private Application nodeB;
    private MerchantId merchant;
    private Terminal terminal;

    @BeforeEach
    void twoNodesOverOneSeededStore() {
        JdbcUrl url = JdbcUrl.inMemory("rate-cards-" + UUID.randomUUID());
        nodeA = open(url);
        nodeB = open(url);
        SampleWorld world = SampleWorld.generate(11, AT);
        new Seeder(nodeA).seed(world, DefaultPolicy.document());
        DemoRun.rateCards(world).forEach(nodeA.rateCards()::save);
        terminal = world.terminals().get(0);
        merchant = terminal.merchantId();
    }

    private static Application open(JdbcUrl url) {
        PolicyReader reader = new PolicyReader();
        return Application.open(DatabaseConfig.of(url), Clock.systemUTC(), reader, () -> DefaultPolicy.load(reader));
    }

    @AfterEach
    void close() {
        nodeB.close();
        nodeA.close();
    }

    /** What a sale on {@code node} does before it calls the channel: read the snapshot, then price. */
    private int versionPricingASaleOn(Application node) {
        assertThat(node.snapshots().snapshot(merchant, terminal.sn(), AT)).isPresent();
        return node.rateCardsInForce().inForce(merchant, PaymentMethod.ALIPAY, DAY).orElseThrow().version();
    }

    private RateCard alipayCard(int version, String percent) {
        return new RateCard(new RateCardId(merchant.value() + "-ALIPAY"), version, merchant, PaymentMethod.ALIPAY,
                DAY.minusDays(1), null, new FeeRule.Scan(Rate.percent(percent)));
    }

    @Test
    void aCardSavedThroughOneNodePricesTheNextSaleOnBoth() {
        assertThat(versionPricingASaleOn(nodeA)).isEqualTo(1);
        assertThat(versionPricingASaleOn(nodeB)).isEqualTo(1);

        nodeB.rateCards().save(alipayCard(2, "0.3"));

        assertThat(versionPricingASaleOn(nodeA)).isEqualTo(2);
        assertThat(versionPricingASaleOn(nodeB)).isEqualTo(2);
    }

    @Test
    void betweenSnapshotsANodeAnswersFromItsCopy() {
        assertThat(versionPricingASaleOn(nodeA)).isEqualTo(1);

        nodeB.rateCards().save(alipayCard(2, "0.3"));

        // no snapshot read since the save: node A still holds the card its last sale was priced with
        assertThat(nodeA.rateCardsInForce().inForce(merchant, PaymentMethod.ALIPAY, DAY).orElseThrow().version()).isEqualTo(1);
        assertThat(versionPricingASaleOn(nodeA)).isEqualTo(2);
    }
}
