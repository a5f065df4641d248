package io.shoudan.server.terminal8583;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.server.terminal8583.simulator.TestCard;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's totals and settlement: what counts, and that the batch is read once, whatever its size. */
class BatchSettlementTest {
    private static final TestCard CARD = TestCard.of("6222021234567890123", "2812", "123456");
    private static final TerminalBinding WHO = new TerminalBinding(PaymentWorld.TERMINAL, PaymentWorld.MERCHANT);
    private final EndpointWorld env = new EndpointWorld();

    @AfterEach
    void stopTheEndpoint() {
        env.close();
    }

    private TerminalSimulator signedOn() {
        TerminalSimulator t = env.terminal();
        assertThat(t.signOn().responseCode()).isEqualTo("00");
        return t;
    }

    @ParameterizedTest(name = "a {0} whose sale is {1} counts: {2}")
    @CsvSource({
            "SALE, SUCCEEDED, true",
            "SALE, PARTIALLY_REFUNDED, true",
            "SALE, REFUNDED, true",
            "SALE, VOIDED, false",
            "SALE, REVERSED, false",
            "SALE, FAILED, false",
            "SALE, DECLINED, false",
            "SALE, UNKNOWN, false",
            "SALE, PROCESSING, false",
            "SALE, CREATED, false",
            "SALE, , false",
            "REFUND, , true",
            "VOID, , false",
    })
    void whatCountsInABatchsTotals(BatchJournal.Kind kind, PaymentState saleState, boolean counts) {
        assertThat(BatchSettlement.counts(kind, saleState)).isEqualTo(counts);
    }

    @Test
    void aBalancedBatchIsReadOnceForItsTotalsAndOnceForItsSalesWhateverItsSize() {
        TerminalSimulator t = signedOn();
        BatchNo batch = t.batch();
        List<TraceNo> sales = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            assertThat(t.sale(Money.ofFen(1_000L * i), CARD).response().responseCode()).isEqualTo("00");
            sales.add(t.lastTrace());
        }
        TerminalSimulator.Exchange voided = t.sale(Money.parse("7.00"), CARD);
        assertThat(t.voidSale(t.lastTrace(), Money.parse("7.00"), voided.response().rrn()).responseCode()).isEqualTo("00");
        CountingJournal journal = new CountingJournal(env.journal);
        BatchSettlement batches = new BatchSettlement(journal, env.payments);

        boolean balanced = batches.settle(WHO, batch, new SettlementTotals(15_000, 5, 0, 0, '0', 0, 0, 0, 0, '0'));

        assertThat(balanced).isTrue();
        assertThat(List.of(journal.sums, journal.lines, journal.entries)).containsExactly(1, 1, 0);
        for (TraceNo sale : sales) {
            assertThat(env.payments.query(PaymentWorld.MERCHANT, new RequestId.Terminal(EndpointWorld.TID, batch, sale)).orElseThrow()
                    .settledAt()).as("sale %s", sale).isNotNull();
        }
    }

    @Test
    void aBatchThatDoesNotBalanceIsReadOnceAndSettlesNothing() {
        TerminalSimulator t = signedOn();
        BatchNo batch = t.batch();
        t.sale(Money.parse("10.00"), CARD);
        TraceNo sale = t.lastTrace();
        CountingJournal journal = new CountingJournal(env.journal);

        boolean balanced = new BatchSettlement(journal, env.payments)
                .settle(WHO, batch, new SettlementTotals(1_001, 1, 0, 0, '0', 0, 0, 0, 0, '0'));

        assertThat(balanced).isFalse();
        assertThat(List.of(journal.sums, journal.lines, journal.entries)).containsExactly(1, 0, 0);
        assertThat(env.payments.query(PaymentWorld.MERCHANT, new RequestId.Terminal(EndpointWorld.TID, batch, sale)).orElseThrow()
                .settledAt()).isNull();
    }

    /** The journal, counting its reads. */
    private static final class CountingJournal implements BatchJournal {
        private final BatchJournal journal;
        int sums;
        int lines;
        int entries;

        CountingJournal(BatchJournal journal) {
            this.journal = journal;
        }

        @Override
        public void record(Entry entry) {
            journal.record(entry);
        }

        @Override
        public List<Entry> entries(TerminalSn terminal, BatchNo batch) {
            entries++;
            return journal.entries(terminal, batch);
        }

        @Override
        public List<Sum> sums(TerminalSn terminal, MerchantId merchant, BatchNo batch) {
            sums++;
            return journal.sums(terminal, merchant, batch);
        }

        @Override
        public List<Line> lines(TerminalSn terminal, MerchantId merchant, BatchNo batch) {
            lines++;
            return journal.lines(terminal, merchant, batch);
        }
    }
}
