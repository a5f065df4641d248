package io.shoudan.payment.testing;

import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.eligibility.Verdict;
import io.shoudan.fee.FeeRule;
import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCardBook;
import io.shoudan.fee.RateCardId;
import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.Mcc;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.RegionCode;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.payment.EligibilityGate;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentStore;
import io.shoudan.payment.RecoveryPlan;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.SequentialIds;
import io.shoudan.payment.SnapshotSource;
import io.shoudan.policy.Policy;
import io.shoudan.reason.Reason;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * A complete, working payment service for tests: the in-memory store, one simulated channel per
 * channel, real rate cards, a manual clock, and a gate whose verdicts the test chooses (real
 * {@link Verdict}s made of real {@link Reason}s — the engine itself is the lead's and is wired in
 * production as {@code EligibilityEngine::evaluateWithoutAlternatives}).
 */
public final class PaymentWorld {

    /** 2026-11-23 10:00 in Beijing. */
    public static final Instant START = Instant.parse("2026-11-23T02:00:00Z");
    public static final MerchantId MERCHANT = new MerchantId("M100001");
    public static final MerchantId OTHER_MERCHANT = new MerchantId("M100002");
    public static final TerminalSn TERMINAL = new TerminalSn("LKL-A8-000123");
    public static final String ALIPAY_CODE = "284012345678901234";
    public static final String WECHAT_CODE = "134512345678901234";
    public static final String UNIONPAY_CODE = "6212345678901234567";

    public final InMemoryPaymentStore store = new InMemoryPaymentStore();
    public final ManualTime time = new ManualTime(START);
    public final SimulatedChannel alipay = new SimulatedChannel(Channel.ALIPAY);
    public final SimulatedChannel wechat = new SimulatedChannel(Channel.WECHAT);
    public final SimulatedChannel unionPay = new SimulatedChannel(Channel.UNIONPAY);
    public final RateCardBook rateCards = new RateCardBook();
    /** The gate's answer; by default every payment is allowed with no reason. */
    public final AtomicReference<BiFunction<Snapshot, PaymentIntent, Verdict>> verdicts =
            new AtomicReference<>((snapshot, intent) -> allow(intent));
    public final List<PaymentIntent> gateCalls = new ArrayList<>();
    private final SequentialIds ids = new SequentialIds("T", 1);

    public PaymentWorld() {
        for (MerchantId merchant : List.of(MERCHANT, OTHER_MERCHANT)) {
            addStandardRateCards(merchant);
        }
    }

    /** The rates of CHANNELS.md: scan 0.38%, debit 0.50% capped at 20 CNY, credit 0.60%, Huabei 0.60% plus the assumed installment schedule. */
    public void addStandardRateCards(MerchantId merchant) {
        LocalDate from = LocalDate.of(2026, 1, 1);
        for (PaymentMethod method : List.of(PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY, PaymentMethod.UNIONPAY_QR)) {
            rateCards.add(new RateCard(card(merchant, method), 1, merchant, method, from, null, new FeeRule.Scan(Rate.percent("0.38"))));
        }
        rateCards.add(new RateCard(card(merchant, PaymentMethod.UNIONPAY_DEBIT), 1, merchant, PaymentMethod.UNIONPAY_DEBIT, from, null,
                new FeeRule.Debit(Rate.percent("0.5"), Money.ofYuan(20))));
        rateCards.add(new RateCard(card(merchant, PaymentMethod.UNIONPAY_CREDIT), 1, merchant, PaymentMethod.UNIONPAY_CREDIT, from, null,
                new FeeRule.Credit(Rate.percent("0.6"))));
        rateCards.add(new RateCard(card(merchant, PaymentMethod.HUABEI), 1, merchant, PaymentMethod.HUABEI, from, null,
                new FeeRule.Huabei(Rate.percent("0.6"), FeeRule.Huabei.assumedInstallmentRates())));
    }

    public static RateCardId card(MerchantId merchant, PaymentMethod method) {
        return new RateCardId("RC-" + merchant.value() + "-" + method.name());
    }

    public PaymentService service() {
        return service(PaymentService.defaultPlans());
    }

    /** The service with some channels replaced, e.g. by a gateway that watches or breaks calls. */
    public PaymentService serviceWith(ChannelGateway... replacements) {
        return service(PaymentService.defaultPlans(), gatewaysWith(replacements));
    }

    private List<ChannelGateway> gatewaysWith(ChannelGateway... replacements) {
        List<ChannelGateway> gateways = new ArrayList<>(List.of(alipay, wechat, unionPay));
        for (ChannelGateway replacement : replacements) {
            gateways.removeIf(gateway -> gateway.channel() == replacement.channel());
            gateways.add(replacement);
        }
        return gateways;
    }

    public PaymentService service(Map<Channel, RecoveryPlan> plans) {
        return service(plans, List.of(alipay, wechat, unionPay));
    }

    /** The service as the node named {@code node} runs it (its claims in the store carry that name). */
    public PaymentService serviceOnNode(String node) {
        return serviceOnNode(node, PaymentService.defaultPlans());
    }

    /** The same, with its own recovery plans and some channels replaced ({@link #serviceWith}). */
    public PaymentService serviceOnNode(String node, Map<Channel, RecoveryPlan> plans, ChannelGateway... replacements) {
        return service(plans, gatewaysWith(replacements), node);
    }

    private PaymentService service(Map<Channel, RecoveryPlan> plans, List<ChannelGateway> gateways) {
        return service(plans, gateways, "node-" + UUID.randomUUID());
    }

    /** The service over another store, e.g. one that wraps {@link #store} to change a payment between a read and a write. */
    public PaymentService serviceOver(PaymentStore store) {
        return service(store, PaymentService.defaultPlans(), List.of(alipay, wechat, unionPay), "node-" + UUID.randomUUID());
    }

    private PaymentService service(Map<Channel, RecoveryPlan> plans, List<ChannelGateway> gateways, String node) {
        return service(store, plans, gateways, node);
    }

    private PaymentService service(PaymentStore store, Map<Channel, RecoveryPlan> plans, List<ChannelGateway> gateways, String node) {
        EligibilityGate gate = (snapshot, intent) -> {
            synchronized (gateCalls) {
                gateCalls.add(intent);
            }
            return verdicts.get().apply(snapshot, intent);
        };
        SnapshotSource snapshots = (merchant, terminal, at) -> terminal.equals(TERMINAL)
                ? Optional.of(new Snapshot(at, merchant(merchant), terminal(merchant), null, Map.of(), List.of(), new Policy(null, Map.of())))
                : Optional.empty();
        return new PaymentService(store, gateways, plans, gate, snapshots, rateCards, ids, time, time, node);
    }

    public SimulatedChannel channel(Channel channel) {
        return switch (channel) {
            case ALIPAY -> alipay;
            case WECHAT -> wechat;
            case UNIONPAY -> unionPay;
        };
    }

    public static Verdict allow(PaymentIntent intent) {
        return new Verdict(intent.method(), List.of(), List.of());
    }

    public static Verdict refuse(PaymentIntent intent, Reason... reasons) {
        return new Verdict(intent.method(), List.of(reasons), List.of());
    }

    public static Merchant merchant(MerchantId id) {
        return new Merchant(id, MerchantType.ENTERPRISE, MerchantStatus.ACTIVE, new Mcc(5411), new RegionCode("310115"),
                CreditRating.A, null, null, null);
    }

    public static Terminal terminal(MerchantId merchant) {
        return new Terminal(TERMINAL, merchant, new TerminalModel("A8"), EnumSet.of(Capability.SCANNER, Capability.CHIP),
                FirmwareVersion.parse("3.2.0"), 3, TerminalStatus.ACTIVE, true, null, new RegionCode("310115"), null, null,
                EnumSet.allOf(PaymentMethod.class));
    }

    public static SaleRequest sale(String request, PaymentMethod method, String amount) {
        return sale(MERCHANT, request, method, amount);
    }

    public static SaleRequest sale(MerchantId merchant, String request, PaymentMethod method, String amount) {
        return new SaleRequest(merchant, TERMINAL, new RequestId.Client(request), method, Money.parse(amount), Installments.NONE,
                instrumentFor(method));
    }

    public static SaleRequest huabei(String request, String amount, int installments, InstallmentFeeBearer bearer) {
        return new SaleRequest(MERCHANT, TERMINAL, new RequestId.Client(request), PaymentMethod.HUABEI, Money.parse(amount),
                Installments.of(installments, bearer), new Instrument.ScannedCode(ALIPAY_CODE));
    }

    public static Instrument instrumentFor(PaymentMethod method) {
        return switch (method) {
            case ALIPAY, HUABEI -> new Instrument.ScannedCode(ALIPAY_CODE);
            case WECHAT_PAY -> new Instrument.ScannedCode(WECHAT_CODE);
            case UNIONPAY_QR -> new Instrument.ScannedCode(UNIONPAY_CODE);
            case UNIONPAY_DEBIT, UNIONPAY_CREDIT -> new Instrument.CardReference("card-token-1");
        };
    }
}
