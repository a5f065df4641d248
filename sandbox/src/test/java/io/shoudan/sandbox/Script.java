package io.shoudan.sandbox;

import static io.shoudan.sandbox.Fixture.yuan;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.alipay.ExtendParams;
import io.shoudan.sandbox.alipay.TradeCancelRequest;
import io.shoudan.sandbox.alipay.TradePayRequest;
import io.shoudan.sandbox.alipay.TradeQueryRequest;
import io.shoudan.sandbox.alipay.TradeRefundRequest;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerLimits;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.HuabeiStatus;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.sandbox.fault.ChannelReply;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.unionpay.CardSaleRequest;
import io.shoudan.sandbox.unionpay.HostResponse;
import io.shoudan.sandbox.unionpay.QrSaleRequest;
import io.shoudan.sandbox.unionpay.RefundRequest;
import io.shoudan.sandbox.unionpay.ReversalRequest;
import io.shoudan.sandbox.unionpay.TerminalRef;
import io.shoudan.sandbox.unionpay.VoidRequest;
import io.shoudan.sandbox.wechat.MicropayRequest;
import io.shoudan.sandbox.wechat.OrderQueryRequest;
import io.shoudan.sandbox.wechat.ReverseRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a sequence of generated actions against a fresh sandbox — varied consumers, faults on every
 * channel — and records what the caller saw after each, so that properties can compare runs and
 * check money after every step.
 */
public final class Script {

    public enum Kind {
        ALIPAY_PAY, ALIPAY_INSTALLMENT_PAY, ALIPAY_REFUND, ALIPAY_CANCEL, ALIPAY_QUERY,
        WECHAT_PAY, WECHAT_REFUND, WECHAT_REVERSE, WECHAT_QUERY,
        CARD_SALE, QR_SALE, CARD_VOID, CARD_REFUND, CARD_REVERSAL,
        TIME_PASSES
    }

    /** One step: what to do, to whom (index into the consumers or earlier orders), and an amount. */
    public record Action(Kind kind, int who, int target, long amountFen) {
    }

    private static final String[] PANS = {"6222020000000000001", "6258880000000000002", "6222020000000000003",
            "6222020000000000004"};

    private final Fixture f;
    private final List<ConsumerId> consumers = new ArrayList<>();
    private final List<String> alipayOrders = new ArrayList<>();
    private final List<String> wechatOrders = new ArrayList<>();
    private final List<String> cardStans = new ArrayList<>();
    private final List<String> cardRrns = new ArrayList<>();
    private final List<Money> cardAmounts = new ArrayList<>();
    private int stan;
    private int requestNo;

    public Script(long seed) {
        f = new Fixture(seed);
        consumers.add(f.register(Fixture.wellOff("rich", PANS[0])
                .password(PasswordConfirmation.above(yuan("800.00"), Duration.ofSeconds(20)))).id());
        consumers.add(f.register(ConsumerSetup.of("credit").huabei(yuan("3000.00"), yuan("2500.00"), HuabeiStatus.OPEN)
                .card("credit", CardKind.CREDIT, PANS[1], null, yuan("2000.00"), CardStatus.ACTIVE)
                .wechatBalance(yuan("50.00"))
                .password(PasswordConfirmation.aboveButNeverConfirms(yuan("300.00")))).id());
        consumers.add(f.register(ConsumerSetup.of("thin").alipayBalance(yuan("30.00")).yuebao(yuan("70.00"))
                .card("debit", CardKind.DEBIT, PANS[2], Pin.of("123456"), yuan("120.00"), CardStatus.ACTIVE)
                .limits(new ConsumerLimits(yuan("200.00"), yuan("400.00")))).id());
        consumers.add(f.register(ConsumerSetup.of("bank-down").wechatBalance(yuan("10.00"))
                .card("debit", CardKind.DEBIT, PANS[3], null, yuan("500.00"), CardStatus.ISSUER_UNAVAILABLE)).id());
        // Faults on every channel, some probabilistic: the seed decides which calls they hit.
        f.sandbox.faults().add(new FaultRule(Channel.ALIPAY, java.util.Set.of(), null, 1, 15, new Fault.ResponseLost()));
        f.sandbox.faults().add(new FaultRule(Channel.ALIPAY, java.util.Set.of(Operation.PAY), null, 1, 10,
                new Fault.UserPaying(Optional.of(Duration.ofSeconds(15)))));
        f.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).everyNth(7));
        f.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ServiceUnavailable()).everyNth(11));
        f.sandbox.faults().add(new FaultRule(Channel.WECHAT, java.util.Set.of(), null, 1, 20,
                new Fault.Delay(Duration.ofSeconds(6))));
        f.sandbox.faults().add(new FaultRule(Channel.WECHAT, java.util.Set.of(), null, 1, 10, new Fault.ResponseLost()));
        f.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError()).everyNth(5));
        f.sandbox.faults().add(new FaultRule(Channel.UNIONPAY, java.util.Set.of(), null, 1, 15, new Fault.ResponseLost()));
        f.sandbox.faults().add(new FaultRule(Channel.UNIONPAY, java.util.Set.of(Operation.PAY), null, 1, 10,
                new Fault.UserPaying(Optional.empty())));
        f.sandbox.faults().add(FaultRule.always(Channel.UNIONPAY, new Fault.SystemError()).everyNth(6));
    }

    public Sandbox sandbox() {
        return f.sandbox;
    }

    /** All the money the consumers were registered with. */
    public Money registeredFunds() {
        return f.registeredFunds;
    }

    private static String describe(ChannelReply<?> reply) {
        return switch (reply) {
            case ChannelReply.ResponseLost<?> lost -> "lost";
            case ChannelReply.Delivered<?> delivered -> delivered.delay() + " " + delivered.answer();
        };
    }

    private String pick(List<String> list, int target) {
        return list.isEmpty() ? "none" : list.get(Math.floorMod(target, list.size()));
    }

    private TerminalRef nextTerminal() {
        stan++;
        return new TerminalRef(Fixture.UP_MID, Fixture.UP_TID, String.format("%06d", stan));
    }

    /** Runs one action; returns what the caller saw. */
    public String run(Action action) {
        ConsumerId who = consumers.get(Math.floorMod(action.who(), consumers.size()));
        Money amount = Money.ofFen(action.amountFen());
        return switch (action.kind()) {
            case ALIPAY_PAY, ALIPAY_INSTALLMENT_PAY -> {
                TradePayRequest request = f.alipayPay(who, amount.toString());
                if (action.kind() == Kind.ALIPAY_INSTALLMENT_PAY) {
                    request = request.withExtendParams(ExtendParams.installments(new int[]{3, 6, 12}[Math.floorMod(
                            action.target(), 3)], Math.floorMod(action.target(), 2) * 100));
                }
                alipayOrders.add(request.outTradeNo());
                yield describe(f.sandbox.alipay().pay(request));
            }
            case ALIPAY_REFUND -> describe(f.sandbox.alipay().refund(TradeRefundRequest.of(Fixture.APP_ID,
                    pick(alipayOrders, action.target()), amount, "R" + (requestNo++ % 3))));
            case ALIPAY_CANCEL -> describe(f.sandbox.alipay().cancel(
                    TradeCancelRequest.byOutTradeNo(Fixture.APP_ID, pick(alipayOrders, action.target()))));
            case ALIPAY_QUERY -> describe(f.sandbox.alipay().query(
                    TradeQueryRequest.byOutTradeNo(Fixture.APP_ID, pick(alipayOrders, action.target()))));
            case WECHAT_PAY -> {
                MicropayRequest request = f.micropay(who, amount.toString());
                wechatOrders.add(request.outTradeNo());
                yield describe(f.sandbox.wechat().micropay(request));
            }
            case WECHAT_REFUND -> {
                String order = pick(wechatOrders, action.target());
                Money total = f.sandbox.wechat().orderQuery(OrderQueryRequest.byOutTradeNo(null, Fixture.MCH_ID, order))
                        .delivered().map(r -> r.totalFee() == null ? amount : r.totalFee()).orElse(amount);
                yield describe(f.sandbox.wechat().refund(io.shoudan.sandbox.wechat.RefundRequest.of(null, Fixture.MCH_ID,
                        order, "W" + (requestNo++ % 3), total, amount)));
            }
            case WECHAT_REVERSE -> describe(f.sandbox.wechat().reverse(
                    ReverseRequest.byOutTradeNo(null, Fixture.MCH_ID, pick(wechatOrders, action.target()))));
            case WECHAT_QUERY -> describe(f.sandbox.wechat().orderQuery(
                    OrderQueryRequest.byOutTradeNo(null, Fixture.MCH_ID, pick(wechatOrders, action.target()))));
            case CARD_SALE -> {
                TerminalRef ref = nextTerminal();
                String pan = PANS[Math.floorMod(action.who(), PANS.length)];
                ChannelReply<HostResponse> reply = f.sandbox.unionpay().sale(
                        new CardSaleRequest(ref, pan, Pin.of("123456"), amount));
                remember(ref, reply, amount);
                yield describe(reply);
            }
            case QR_SALE -> {
                TerminalRef ref = nextTerminal();
                ConsumerId holder = consumers.get(Math.floorMod(action.who(), 3));
                ChannelReply<HostResponse> reply = f.sandbox.unionpay().qrSale(
                        new QrSaleRequest(ref, f.code(holder, Channel.UNIONPAY), amount));
                remember(ref, reply, amount);
                yield describe(reply);
            }
            case CARD_VOID -> {
                if (cardStans.isEmpty()) {
                    yield "no sale";
                }
                int i = Math.floorMod(action.target(), cardStans.size());
                yield describe(f.sandbox.unionpay().voidSale(new VoidRequest(nextTerminal(), cardStans.get(i), null, null,
                        cardAmounts.get(i))));
            }
            case CARD_REFUND -> describe(f.sandbox.unionpay().refund(
                    new RefundRequest(nextTerminal(), pick(cardRrns, action.target()), amount)));
            case CARD_REVERSAL -> cardStans.isEmpty() ? "no sale" : describe(f.sandbox.unionpay().reversal(
                    new ReversalRequest(new TerminalRef(Fixture.UP_MID, Fixture.UP_TID, pick(cardStans, action.target())))));
            case TIME_PASSES -> {
                f.clock.advance(Duration.ofSeconds(Math.floorMod(action.amountFen(), 200)));
                yield "t+" + Math.floorMod(action.amountFen(), 200);
            }
        };
    }

    private void remember(TerminalRef ref, ChannelReply<HostResponse> reply, Money amount) {
        cardStans.add(ref.stan());
        cardAmounts.add(amount);
        reply.delivered().map(HostResponse::rrn).ifPresent(cardRrns::add);
    }
}
