package io.shoudan.server.terminal8583;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.money.Money;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel;
import io.shoudan.reason.ReasonCode;
import io.shoudan.server.terminal8583.simulator.TerminalProfile;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator.Exchange;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator.Response;
import io.shoudan.server.terminal8583.simulator.TestCard;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TraceNo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end over TCP on loopback: the simulator against the endpoint and a real payment service. */
class TerminalEndpointTest {
    private static final TestCard CARD = TestCard.of("6222021234567890123", "2812", "123456");
    private EndpointWorld env;

    @AfterEach
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    private EndpointWorld env() {
        env = new EndpointWorld();
        return env;
    }

    private static RequestId rid(TerminalSimulator t, TraceNo trace) {
        return new RequestId.Terminal(t.profile().terminalId(), t.batch(), trace);
    }

    @Test
    void aTerminalSignsOnSellsAndVoidsTheSale() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();

        Response signOn = t.signOn();
        assertThat(signOn.mti()).isEqualTo("0810");
        assertThat(signOn.responseCode()).isEqualTo("00");
        assertThat(t.signedOn()).isTrue();
        assertThat(t.echo().responseCode()).isEqualTo("00");

        Exchange sale = t.sale(Money.parse("100.00"), CARD);
        TraceNo saleTrace = t.lastTrace();
        assertThat(sale.answered()).isTrue();
        assertThat(sale.response().mti()).isEqualTo("0210");
        assertThat(sale.response().responseCode()).isEqualTo("00");
        assertThat(sale.response().macValid()).isTrue();
        Payment paid = env.payments.query(PaymentWorld.MERCHANT, rid(t, saleTrace)).orElseThrow();
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCEEDED);
        assertThat(paid.amount()).isEqualTo(Money.parse("100.00"));
        assertThat(paid.request().terminal()).isEqualTo(PaymentWorld.TERMINAL);
        CardVault.CardPresentment card = env.vault.find((Instrument.CardReference) paid.request().instrument()).orElseThrow();
        assertThat(card.pan()).isEqualTo(CARD.pan());
        assertThat(card.pinBlock()).hasSize(8);
        assertThat(card.pik()).isNotNull();
        assertThat(paid.request().instrument().toString()).doesNotContain("6222021234567890123");

        Response voided = t.voidSale(saleTrace, Money.parse("100.00"), sale.response().rrn());
        assertThat(voided.mti()).isEqualTo("0210");
        assertThat(voided.responseCode()).isEqualTo("00");
        assertThat(voided.macValid()).isTrue();
        assertThat(env.payments.find(paid.id()).orElseThrow().state()).isEqualTo(PaymentState.VOIDED);
        assertThat(env.world.unionPay.netTaken(PaymentWorld.MERCHANT)).isEqualTo(Money.ZERO);
        assertThat(env.payments.checkLedger().passed()).isTrue();
    }

    @Test
    void aSaleWhoseAnswerIsLostIsReversedAndTheMoneyGoesBack() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();

        Exchange sale = t.dropNextResponse().sale(Money.parse("88.80"), CARD);

        assertThat(sale.answered()).isFalse();
        assertThat(sale.reversed()).isTrue();
        assertThat(sale.reversal().mti()).isEqualTo("0410");
        assertThat(sale.reversalAttempts()).isEqualTo(1);
        Payment p = env.payments.query(PaymentWorld.MERCHANT, rid(t, t.lastTrace())).orElseThrow();
        assertThat(p.state()).isIn(PaymentState.VOIDED, PaymentState.REVERSED);
        assertThat(env.world.unionPay.netTaken(PaymentWorld.MERCHANT)).isEqualTo(Money.ZERO);
        assertThat(env.world.store.payments()).hasSize(1);
        assertThat(env.payments.checkLedger().passed()).isTrue();
    }

    @Test
    void aReversalOfASaleThatNeverArrivedIsApprovedAndTakesNothing() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();
        IsoMessage reversal = t.newMessage("0400");
        reversal.set(2, "6222021234567890123");
        reversal.set(3, "000000");
        reversal.set(4, "5000");
        reversal.set(11, t.nextTrace().digits());
        reversal.set(25, "00");
        t.identify(reversal);
        reversal.set(39, "98");
        reversal.set(49, "156");
        reversal.set(60, "22" + t.batch().digits() + "000");

        Response r = t.send(reversal, true).orElseThrow();

        assertThat(r.mti()).isEqualTo("0410");
        assertThat(r.responseCode()).isEqualTo("00");
        assertThat(env.world.store.payments()).isEmpty();
    }

    @Test
    void aMessageWithABadMacIsRefusedWithA0AndCounted() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();

        Exchange sale = t.corruptNextMac().sale(Money.parse("10.00"), CARD);

        assertThat(sale.response().responseCode()).isEqualTo("A0");
        assertThat(sale.response().reason()).get().extracting(ReasonField.Decoded::code).isEqualTo(ReasonCode.SECURITY_MAC_INVALID);
        assertThat(sale.response().reason().get().text()).contains("MAC");
        assertThat(sale.response().macValid()).isNull();
        assertThat(env.metrics.snapshot().macInvalid()).isEqualTo(1);
        assertThat(env.world.store.payments()).isEmpty();

        assertThat(t.sale(Money.parse("10.00"), CARD).response().responseCode()).isEqualTo("00");
        assertThat(env.metrics.snapshot().macInvalid()).isEqualTo(1);
    }

    @Test
    void keysThatExpiredAreRefusedUntilTheTerminalSignsOnAgain() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();
        env.world.time.advance(EndpointLimits.DEFAULTS.keyLifetime());

        Exchange refused = t.sale(Money.parse("10.00"), CARD);

        assertThat(refused.response().responseCode()).isEqualTo("77");
        assertThat(refused.response().reason()).get().extracting(ReasonField.Decoded::code).isEqualTo(ReasonCode.SECURITY_KEY_EXPIRED);
        assertThat(env.metrics.snapshot().keyExpired()).isEqualTo(1);
        assertThat(t.sale(Money.parse("10.00"), CARD).response().responseCode()).isEqualTo("77");
        assertThat(env.world.store.payments()).isEmpty();

        assertThat(t.signOn().responseCode()).isEqualTo("00");
        assertThat(t.sale(Money.parse("10.00"), CARD).response().responseCode()).isEqualTo("00");
    }

    @Test
    void aTerminalStillUsingTheKeysOfAnEarlierSignOnIsRefusedWithA0() {
        EndpointWorld env = env();
        TerminalSimulator stale = env.terminal();
        stale.signOn();
        TerminalSimulator sameTerminalAgain = env.terminal();
        sameTerminalAgain.signOn();

        assertThat(stale.sale(Money.parse("1.00"), CARD).response().responseCode()).isEqualTo("A0");
        assertThat(sameTerminalAgain.sale(Money.parse("1.00"), CARD).response().responseCode()).isEqualTo("00");
    }

    @Test
    void aRepeatedBatchAndTraceGetsTheFirstAnswerAndMakesOnePayment() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();
        IsoMessage sale = t.newMessage("0200");
        sale.set(2, "6222021234567890123");
        sale.set(3, "000000");
        sale.set(4, "12345");
        sale.set(11, t.nextTrace().digits());
        sale.set(14, "2812");
        sale.set(22, "022");
        sale.set(25, "00");
        t.identify(sale);
        sale.set(49, "156");
        sale.set(60, "22" + t.batch().digits() + "000");

        Response first = t.send(sale, true).orElseThrow();
        env.world.time.advance(Duration.ofMinutes(3));
        Response second = t.send(sale, true).orElseThrow();

        assertThat(first.responseCode()).isEqualTo("00");
        for (int field : new int[] {4, 11, 12, 13, 37, 38, 39, 64}) {
            assertThat(second.message().getString(field)).as("field %d", field).isEqualTo(first.message().getString(field));
        }
        assertThat(env.world.store.payments()).hasSize(1);
        assertThat(env.world.unionPay.calls().get("pay")).isEqualTo(1);
    }

    @Test
    void aRepeatedTraceWithAnotherAmountIsRefusedAsADuplicate() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();
        IsoMessage sale = t.newMessage("0200");
        sale.set(2, "6222021234567890123");
        sale.set(3, "000000");
        sale.set(4, "100");
        sale.set(11, t.nextTrace().digits());
        sale.set(22, "022");
        sale.set(25, "00");
        t.identify(sale);
        sale.set(49, "156");
        sale.set(60, "22" + t.batch().digits() + "000");
        t.send(sale, true).orElseThrow();
        sale.set(4, "200");

        Response changed = t.send(sale, true).orElseThrow();

        assertThat(changed.responseCode()).isEqualTo("94");
        assertThat(changed.reason()).get().extracting(ReasonField.Decoded::code).isEqualTo(ReasonCode.OPERATION_DUPLICATE_REQUEST);
        assertThat(env.world.store.payments()).hasSize(1);
    }

    @Test
    void aScanCodeSaleCarriesTheCodeInField48AndADeclineSaysWhyInChinese() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();

        Exchange ok = t.saleByCode(Money.parse("25.00"), PaymentWorld.ALIPAY_CODE);
        env.world.wechat.nextPay(SimulatedChannel.PayFault.REFUSED);
        Exchange poor = t.saleByCode(Money.parse("25.00"), PaymentWorld.WECHAT_CODE);
        Exchange unknown = t.saleByCode(Money.parse("25.00"), "999912345678901234");

        assertThat(ok.response().responseCode()).isEqualTo("00");
        assertThat(env.world.alipay.netTaken(PaymentWorld.MERCHANT)).isEqualTo(Money.parse("25.00"));
        assertThat(poor.response().responseCode()).isEqualTo("51");
        assertThat(poor.response().reason()).get().extracting(ReasonField.Decoded::code).isEqualTo(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
        assertThat(poor.response().reason().get().text()).contains("顾客");
        assertThat(poor.response().macValid()).isTrue();
        assertThat(unknown.response().responseCode()).isEqualTo("14");
    }

    @Test
    void anUnknownTerminalIsAnswered03Unbound() {
        EndpointWorld env = env();
        TerminalSimulator stranger = env.terminal(TerminalProfile.tdes(new TerminalId("87654321"), EndpointWorld.MID, EndpointWorld.TMK));

        Response r = stranger.signOn();

        assertThat(r.responseCode()).isEqualTo("03");
        assertThat(r.reason()).get().extracting(ReasonField.Decoded::code).isEqualTo(ReasonCode.TERMINAL_UNBOUND);
        assertThat(stranger.signedOn()).isFalse();
    }

    @Test
    void aTerminalWithAnotherTmkRefusesTheKeyDownload() {
        EndpointWorld env = env();
        TerminalSimulator wrongTmk = env.terminal(TerminalProfile.tdes(EndpointWorld.TID, EndpointWorld.MID,
                DesKey.ofHex("0123456789ABCDEFFEDCBA9876543210")));

        org.assertj.core.api.Assertions.assertThatThrownBy(wrongTmk::signOn)
                .hasMessageContaining("key download refused");
    }

    @Test
    void aReversalOfARefundThatGaveTheMoneyBackIsRefusedWith12AndOfARefusedOneApproved() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();
        BatchNo batch = t.batch();
        t.sale(Money.parse("100.00"), CARD);
        TraceNo sale = t.lastTrace();
        IsoMessage refund = t.refundMessage(batch, sale, "1123", Money.parse("40.00"));
        assertThat(t.submit(refund).responseCode()).isEqualTo("00");

        Response reversal = t.reverse(refund);

        assertThat(reversal.mti()).isEqualTo("0410");
        assertThat(reversal.responseCode()).isEqualTo("12");
        assertThat(reversal.reason()).get().extracting(ReasonField.Decoded::code).isEqualTo(ReasonCode.OPERATION_ADJUSTMENT_NOT_REVERSIBLE);
        assertThat(env.payments.query(PaymentWorld.MERCHANT, rid(t, sale)).orElseThrow().refunded()).isEqualTo(Money.parse("40.00"));

        env.world.unionPay.nextRefund(SimulatedChannel.RefundFault.REFUSED);
        IsoMessage refused = t.refundMessage(batch, sale, "1123", Money.parse("10.00"));
        assertThat(t.submit(refused).responseCode()).isNotEqualTo("00");
        assertThat(t.reverse(refused).responseCode()).as("nothing was given back: nothing to undo").isEqualTo("00");
        assertThat(env.payments.query(PaymentWorld.MERCHANT, rid(t, sale)).orElseThrow().refunded()).isEqualTo(Money.parse("40.00"));
        assertThat(env.world.unionPay.netTaken(PaymentWorld.MERCHANT)).isEqualTo(Money.parse("60.00"));
        assertThat(env.payments.checkLedger().passed()).isTrue();
    }

    @Test
    void refundThenSettlementBalancesAndADifferentTotalIsAnswered95() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();
        BatchNo batch = t.batch();
        t.sale(Money.parse("100.00"), CARD);
        TraceNo first = t.lastTrace();
        t.sale(Money.parse("30.00"), CARD);
        TraceNo second = t.lastTrace();
        Exchange voidedLater = t.sale(Money.parse("7.00"), CARD);
        TraceNo third = t.lastTrace();
        assertThat(t.voidSale(third, Money.parse("7.00"), voidedLater.response().rrn()).responseCode()).isEqualTo("00");
        Response refund = t.refund(batch, first, "1123", Money.parse("40.00"));
        assertThat(refund.mti()).isEqualTo("0230");
        assertThat(refund.responseCode()).isEqualTo("00");
        assertThat(t.refund(batch, second, "1123", Money.parse("31.00")).responseCode()).isEqualTo("12");

        Response wrong = t.settle(new SettlementTotals(13_000, 2, 0, 0, '0', 0, 0, 0, 0, '0'));
        assertThat(wrong.mti()).isEqualTo("0510");
        assertThat(wrong.responseCode()).isEqualTo("95");
        assertThat(wrong.message().getString(48).charAt(30)).isEqualTo('2');
        assertThat(t.batchUpload(List.of(new SettlementTotals.Uploaded(first, Money.parse("100.00")),
                new SettlementTotals.Uploaded(second, Money.parse("30.00")))).responseCode()).isEqualTo("00");
        assertThat(t.batchUpload(List.of(new SettlementTotals.Uploaded(third, Money.parse("7.00")))).responseCode()).isEqualTo("95");

        Response right = t.settle(new SettlementTotals(13_000, 2, 4_000, 1, '0', 0, 0, 0, 0, '0'));
        assertThat(right.responseCode()).isEqualTo("00");
        assertThat(right.message().getString(48).charAt(30)).isEqualTo('1');
        assertThat(t.batch()).isEqualTo(new BatchNo(batch.value() + 1));
        Payment settled = env.payments.query(PaymentWorld.MERCHANT, new RequestId.Terminal(EndpointWorld.TID, batch, second)).orElseThrow();
        assertThat(settled.settledAt()).isNotNull();
    }

    @Test
    void anOversizedFrameClosesTheConnectionBeforeItsBodyIsRead() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();

        t.sendRaw(new byte[] {0x10, 0x01, 0x60, 0x00, 0x03, 0x00, 0x00});

        assertThat(t.closedByHost()).isTrue();
        assertThat(env.metrics.snapshot().oversizedFrames()).isEqualTo(1);
    }

    @Test
    void anUndecodableMessageClosesTheConnection() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();

        t.sendRaw(new byte[] {0x00, 0x0F, 0x60, 0x00, 0x03, 0x00, 0x00, 0x02, 0x00, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0});

        assertThat(t.closedByHost()).isTrue();
        assertThat(env.metrics.snapshot().undecodable()).isEqualTo(1);
    }

    @Test
    void anIdleConnectionIsClosed() {
        env = new EndpointWorld(EndpointLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(200)));
        TerminalSimulator t = env.terminal();

        assertThat(t.closedByHost()).isTrue();
        assertThat(env.metrics.snapshot().idleClosed()).isEqualTo(1);
    }

    @Test
    void aFrameThatDoesNotCompleteInTimeIsCut() {
        env = new EndpointWorld(EndpointLimits.DEFAULTS.withFrameCompletionTimeout(Duration.ofMillis(200)));
        TerminalSimulator t = env.terminal();

        t.sendRaw(new byte[] {0x00, 0x40, 0x60, 0x00, 0x03});

        assertThat(t.closedByHost()).isTrue();
        assertThat(env.metrics.snapshot().slowSenders()).isEqualTo(1);
        assertThat(env.metrics.snapshot().idleClosed()).isZero();
    }

    @Test
    void connectionsAboveTheCapAreClosed() {
        env = new EndpointWorld(EndpointLimits.DEFAULTS.withConnectionsMax(1));
        TerminalSimulator first = env.terminal();
        assertThat(first.signOn().responseCode()).isEqualTo("00");

        TerminalSimulator second = env.terminal();

        assertThat(second.closedByHost()).isTrue();
        assertThat(env.metrics.snapshot().connectionsRefused()).isEqualTo(1);
        assertThat(first.echo().responseCode()).isEqualTo("00");
    }

    @Test
    void afterSignOffSalesAreRefusedUntilTheTerminalSignsOnAgain() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        t.signOn();
        IsoMessage signOff = t.newMessage("0820");
        t.identify(signOff);
        signOff.set(60, "00" + t.batch().digits() + "002");
        assertThat(t.send(signOff, false).orElseThrow().responseCode()).isEqualTo("00");

        Exchange refused = t.sale(Money.parse("10.00"), CARD);

        assertThat(refused.response().responseCode()).isEqualTo("77");
        assertThat(refused.response().reason()).get().extracting(ReasonField.Decoded::code).isEqualTo(ReasonCode.TERMINAL_NOT_SIGNED_ON);
        assertThat(refused.response().reason().get().text()).contains("签到");
        assertThat(env.metrics.snapshot().notSignedOn()).isEqualTo(1);
        t.signOn();
        assertThat(t.sale(Money.parse("10.00"), CARD).response().responseCode()).isEqualTo("00");
    }

    @Test
    void aSaleTheGateRefusesIsAnsweredWithTheGatesReasonAndItsEvidence() {
        EndpointWorld env = env();
        env.world.verdicts.set((snapshot, intent) -> PaymentWorld.refuse(intent,
                io.shoudan.reason.Reason.of(ReasonCode.MERCHANT_LIMIT_EXCEEDED, "limit", "5000.00", "used", "4990.00", "amount", "20.00", "method", "UNIONPAY_DEBIT", "period", "DAY")));
        TerminalSimulator t = env.terminal();
        t.signOn();

        Response r = t.sale(Money.parse("20.00"), CARD).response();

        assertThat(r.responseCode()).isEqualTo("61");
        assertThat(r.macValid()).isTrue();
        assertThat(r.reason()).get().extracting(ReasonField.Decoded::code).isEqualTo(ReasonCode.MERCHANT_LIMIT_EXCEEDED);
        assertThat(r.reason().get().text()).contains("5000.00").contains("4990.00");
        assertThat(env.world.unionPay.calls().get("pay")).isZero();
    }

    @Test
    void framesSentAheadInOneWriteAreAnsweredOneByOneInOrder() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        IsoMessage echo = t.newMessage("0820");
        t.identify(echo);
        echo.set(60, "00000001301");
        IsoMessage unknown = t.newMessage("0820");
        t.identify(unknown);
        unknown.set(60, "00000001999");
        byte[] first = t.frameOf(echo);
        byte[] second = t.frameOf(unknown);
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        t.sendRaw(both);

        assertThat(t.receive().orElseThrow().responseCode()).isEqualTo("00");
        assertThat(t.receive().orElseThrow().responseCode()).isEqualTo("40");
    }

    @Test
    void aClientThatPipelinesMoreThanTheQueueHoldsIsCut() {
        EndpointWorld env = env();
        TerminalSimulator t = env.terminal();
        IsoMessage echo = t.newMessage("0820");
        t.identify(echo);
        echo.set(60, "00000001301");
        byte[] one = t.frameOf(echo);
        int frames = RequestHandler.QUEUED_MAX + 20; // about 1.2 KB: one read of the first receive buffer (2 KiB)
        byte[] many = new byte[one.length * frames];
        for (int i = 0; i < frames; i++) {
            System.arraycopy(one, 0, many, i * one.length, one.length);
        }

        t.sendRaw(many);

        int answers = 0;
        while (t.receive().isPresent()) {
            answers++;
        }
        assertThat(answers).isLessThan(frames);
    }
}
