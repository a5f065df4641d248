package io.shoudan.sandbox.fault;

import static io.shoudan.sandbox.Fixture.delivered;
import static io.shoudan.sandbox.Fixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.method.Channel;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.alipay.AlipayCode;
import io.shoudan.sandbox.alipay.TradePayRequest;
import io.shoudan.sandbox.alipay.TradePayResponse;
import io.shoudan.sandbox.alipay.TradeQueryRequest;
import io.shoudan.sandbox.alipay.TradeStatus;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.wechat.ErrCode;
import io.shoudan.sandbox.wechat.MicropayResponse;
import io.shoudan.sandbox.wechat.OrderQueryRequest;
import io.shoudan.sandbox.wechat.TradeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectionTest {

    private final Fixture f = new Fixture();
    private final ConsumerId buyer = f.register(ConsumerSetup.of("b").alipayBalance(yuan("1000.00"))
            .wechatBalance(yuan("1000.00"))).id();

    @Test
    void aResponseLostAfterTheMoneyMovedLeavesAPaidTradeTheCallerMustQueryFor() {
        f.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));
        TradePayRequest request = f.alipayPay(buyer, "100.00");

        ChannelReply<TradePayResponse> reply = f.sandbox.alipay().pay(request);

        assertThat(reply).isInstanceOf(ChannelReply.ResponseLost.class);
        assertThat(reply.delivered()).isEmpty();
        assertThat(delivered(f.sandbox.alipay().query(TradeQueryRequest.byOutTradeNo(Fixture.APP_ID,
                request.outTradeNo()))).tradeStatus()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThat(f.sandbox.consumers().get(buyer).fundsTotal()).isEqualTo(yuan("1900.00"));
    }

    @Test
    void anUnavailableGatewayAnswersEachChannelsOwnUnknownOutcomeAndMovesNothing() {
        f.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ServiceUnavailable()));
        f.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.ServiceUnavailable()));
        f.sandbox.faults().add(FaultRule.always(Channel.UNIONPAY, new Fault.ServiceUnavailable()));

        TradePayResponse alipay = f.pay(f.alipayPay(buyer, "1.00"));
        MicropayResponse wechat = f.pay(f.micropay(buyer, "1.00"));
        io.shoudan.sandbox.unionpay.HostResponse unionpay = delivered(f.sandbox.unionpay().sale(
                new io.shoudan.sandbox.unionpay.CardSaleRequest(new io.shoudan.sandbox.unionpay.TerminalRef(
                        Fixture.UP_MID, Fixture.UP_TID, "000001"), "6222020000000000001", null, yuan("1.00"))));

        assertThat(alipay.code().wire()).isEqualTo("20000");
        assertThat(alipay.subCode().wire()).isEqualTo("isp.unknow-error");
        assertThat(wechat.returnCode()).isEqualTo("FAIL");
        assertThat(unionpay.field39().field39()).isEqualTo("96");
        assertThat(f.sandbox.fundsTotal()).isEqualTo(f.registeredFunds);
    }

    @Test
    void aDelayIsDeclaredOnTheReplyAndPassesOnTheVirtualClock() {
        f.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.Delay(Duration.ofSeconds(7))));

        ChannelReply<MicropayResponse> reply = f.sandbox.wechat().micropay(f.micropay(buyer, "1.00"));

        assertThat(reply).isInstanceOf(ChannelReply.Delivered.class);
        assertThat(((ChannelReply.Delivered<MicropayResponse>) reply).delay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(reply.delivered().orElseThrow().resultCode()).isEqualTo("SUCCESS");
        assertThat(f.clock.instant()).isEqualTo(Fixture.START.plusSeconds(7));
    }

    @Test
    void aUserPayingFaultSendsASmallPaymentToThePasswordStepAndItCompletesWhenTheBuyerConfirms() {
        f.sandbox.faults().add(FaultRule.always(Channel.ALIPAY,
                new Fault.UserPaying(Optional.of(Duration.ofSeconds(4)))));
        TradePayRequest request = f.alipayPay(buyer, "1.00");

        assertThat(f.pay(request).code()).isEqualTo(AlipayCode.WAITING_FOR_BUYER);
        f.clock.advance(Duration.ofSeconds(4));

        assertThat(delivered(f.sandbox.alipay().query(TradeQueryRequest.byOutTradeNo(Fixture.APP_ID,
                request.outTradeNo()))).tradeStatus()).isEqualTo(TradeStatus.TRADE_SUCCESS);
    }

    @Test
    void aRuleForOneOutTradeNoLeavesOtherOrdersAlone() {
        f.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError()).onlyForTrade("T2").onlyFor(Operation.PAY));

        MicropayResponse first = f.pay(f.micropay(buyer, "1.00"));
        MicropayResponse second = f.pay(f.micropay(buyer, "1.00"));
        MicropayResponse third = f.pay(f.micropay(buyer, "1.00"));

        assertThat(first.resultCode()).isEqualTo("SUCCESS");
        assertThat(second.errCode()).isEqualTo(ErrCode.SYSTEMERROR);
        assertThat(third.resultCode()).isEqualTo("SUCCESS");
        assertThat(delivered(f.sandbox.wechat().orderQuery(OrderQueryRequest.byOutTradeNo(null, Fixture.MCH_ID, "T2")))
                .tradeState()).isEqualTo(TradeState.NOTPAY);
    }

    @ParameterizedTest(name = "every {0}th call fails: calls 1-9 fail at {1}")
    @CsvSource({"1, '1,2,3,4,5,6,7,8,9'", "3, '3,6,9'", "4, '4,8'", "10, ''"})
    void aRuleFiresOnEveryNthMatchingCall(int n, String failing) {
        FaultInjector injector = new FaultInjector(1);
        injector.add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.PAY).everyNth(n));
        List<String> failed = new ArrayList<>();

        for (int call = 1; call <= 9; call++) {
            // Queries in between do not count: the rule only matches pays.
            injector.decide(Channel.ALIPAY, Operation.QUERY, "x");
            if (injector.decide(Channel.ALIPAY, Operation.PAY, "x").isPresent()) {
                failed.add(Integer.toString(call));
            }
        }

        assertThat(String.join(",", failed)).isEqualTo(failing);
    }

    @Test
    void theFirstRuleThatFiresWins() {
        FaultInjector injector = new FaultInjector(1);
        injector.add(FaultRule.always(Channel.UNIONPAY, new Fault.ResponseLost()).everyNth(2));
        injector.add(FaultRule.always(Channel.UNIONPAY, new Fault.SystemError()));

        assertThat(injector.decide(Channel.UNIONPAY, Operation.PAY, null)).contains(new Fault.SystemError());
        assertThat(injector.decide(Channel.UNIONPAY, Operation.PAY, null)).contains(new Fault.ResponseLost());
        assertThat(injector.decide(Channel.ALIPAY, Operation.PAY, null)).isEmpty();
    }

    @Test
    void aProbabilisticRuleFiresAboutAsOftenAsItsPercent() {
        FaultInjector injector = new FaultInjector(42);
        injector.add(new FaultRule(Channel.WECHAT, Set.of(), null, 1, 30, new Fault.SystemError()));
        int fired = 0;
        for (int i = 0; i < 10_000; i++) {
            fired += injector.decide(Channel.WECHAT, Operation.PAY, null).isPresent() ? 1 : 0;
        }

        assertThat(fired).isBetween(2_700, 3_300);
    }

    @Test
    void clearingTheRulesRestartsTheSeededSequence() {
        FaultInjector injector = new FaultInjector(7);
        FaultRule rule = new FaultRule(Channel.WECHAT, Set.of(), null, 1, 50, new Fault.SystemError());
        injector.add(rule);
        List<Boolean> first = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            first.add(injector.decide(Channel.WECHAT, Operation.PAY, null).isPresent());
        }
        injector.clear();
        injector.add(rule);
        List<Boolean> second = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            second.add(injector.decide(Channel.WECHAT, Operation.PAY, null).isPresent());
        }

        assertThat(second).isEqualTo(first).contains(true, false);
    }
}
