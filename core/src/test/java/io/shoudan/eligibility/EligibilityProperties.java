package io.shoudan.eligibility;

import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.consumer.AccountStatus;
import io.shoudan.consumer.HuabeiStatus;
import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.merchant.Rejection;
import io.shoudan.merchant.Usage;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.policy.PeriodLimits;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static io.shoudan.reason.ReasonCode.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the engine over random worlds. A world is the all-good Huabei world with a random
 * set of independent causes applied (at most one per fact they touch); each cause produces exactly
 * one known reason on its own.
 */
class EligibilityProperties {

    /** A cause of refusal: the fact it changes, and the single reason it must produce. */
    record Cause(String fact, ReasonCode code, Consumer<World> apply) {
        @Override
        public String toString() {
            return code.code() + "(" + fact + ")";
        }
    }

    private static final List<Cause> CAUSES = List.of(
            new Cause("channel.connected", INTEGRATION_CHANNEL_NOT_CONNECTED,
                    w -> w.channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, false, null))),
            new Cause("protocol", INTEGRATION_PROTOCOL_TOO_OLD, w -> w.protocolVersion = 1),
            new Cause("window.alipay", MAINTENANCE_CHANNEL_WINDOW, w -> w.maintenance.add(
                    new MaintenanceWindow(Channel.ALIPAY, World.AT.minusMinutes(1), World.AT.plusMinutes(1)))),
            new Cause("window.platform", MAINTENANCE_PLATFORM_WINDOW, w -> w.maintenance.add(
                    MaintenanceWindow.platform(World.AT.minusMinutes(1), World.AT.plusMinutes(1)))),
            new Cause("channel.status", MAINTENANCE_CHANNEL_UNAVAILABLE, w -> w.channels.put(Channel.ALIPAY,
                    new ChannelState(ChannelStatus.DOWN, w.channels.get(Channel.ALIPAY).connected(), null))),
            new Cause("channel.status", MAINTENANCE_CHANNEL_DEGRADED, w -> w.channels.put(Channel.ALIPAY,
                    new ChannelState(ChannelStatus.DEGRADED, w.channels.get(Channel.ALIPAY).connected(), null))),
            new Cause("terminal.status", TERMINAL_NOT_ACTIVATED, w -> w.terminalStatus = TerminalStatus.RETIRED),
            new Cause("terminal.status", TERMINAL_LOCKED, w -> w.terminalStatus = TerminalStatus.LOCKED),
            new Cause("terminal.status", TERMINAL_UPDATING, w -> w.terminalStatus = TerminalStatus.UPDATING),
            new Cause("terminal.merchant", TERMINAL_UNBOUND, w -> w.terminalMerchantId = "M200002"),
            new Cause("terminal.observedRegion", TERMINAL_RELOCATED, w -> w.observedRegion = "440305"),
            new Cause("terminal.signedOn", TERMINAL_NOT_SIGNED_ON, w -> w.signedOn = false),
            new Cause("terminal.firmware", TERMINAL_FIRMWARE_TOO_OLD, w -> w.firmware = "3.1.4"),
            new Cause("terminal.parameterVersion", TERMINAL_PARAMETERS_OUTDATED, w -> w.parameterVersion = 11),
            new Cause("terminal.scanner", TERMINAL_HARDWARE_UNSUPPORTED, w -> w.capabilities.remove(Capability.SCANNER)),
            new Cause("terminal.scanner", TERMINAL_HARDWARE_FAULT, w -> w.faults.add(Capability.SCANNER)),
            new Cause("policy.certifiedModels", TERMINAL_MODEL_NOT_CERTIFIED,
                    w -> w.rules.get(PaymentMethod.HUABEI).certifiedModels(Set.of(new TerminalModel("X9")))),
            new Cause("terminal.enabledMethods", TERMINAL_METHOD_NOT_CONFIGURED, w -> w.enabledMethods.remove(PaymentMethod.HUABEI)),
            new Cause("merchant.status", MERCHANT_NOT_APPROVED, w -> w.merchantStatus = MerchantStatus.PENDING_REVIEW),
            new Cause("merchant.status", MERCHANT_SUSPENDED, w -> w.merchantStatus = MerchantStatus.SUSPENDED),
            new Cause("policy.merchantTypes", MERCHANT_TYPE_NOT_ELIGIBLE,
                    w -> w.rules.get(PaymentMethod.HUABEI).merchantTypes(EnumSet.of(MerchantType.INDIVIDUAL_BUSINESS))),
            new Cause("merchant.products.HUABEI", MERCHANT_PRODUCT_NOT_SIGNED, w -> w.products.put(Product.HUABEI, ProductStatus.NOT_SIGNED)),
            new Cause("merchant.products.HUABEI", MERCHANT_PRODUCT_UNDER_REVIEW, w -> w.productStates.put(Product.HUABEI,
                    new ProductState(ProductStatus.PENDING, World.AT.minusDays(3), List.of(), true, null, null))),
            new Cause("merchant.products.HUABEI", MERCHANT_PRODUCT_REJECTED, w -> w.productStates.put(Product.HUABEI,
                    new ProductState(ProductStatus.REJECTED, null, List.of(new Rejection("shop_photo", "门头照片不清晰")), true,
                            null, null))),
            new Cause("merchant.products.HUABEI", MERCHANT_PRODUCT_STATUS_DRIFT, w -> w.productStates.put(Product.HUABEI,
                    new ProductState(ProductStatus.ACTIVE, null, List.of(), true, ProductStatus.SUSPENDED, World.AT.minusHours(5)))),
            new Cause("merchant.products.ALIPAY", MERCHANT_PRODUCT_SUSPENDED, w -> w.products.put(Product.ALIPAY, ProductStatus.SUSPENDED)),
            new Cause("merchant.products.ALIPAY", MERCHANT_CONSENT_MISSING, w -> w.productStates.put(Product.ALIPAY,
                    new ProductState(ProductStatus.ACTIVE, null, List.of(), false, null, null))),
            new Cause("merchant.rating", MERCHANT_CREDIT_RATING_TOO_LOW, w -> w.rating = CreditRating.D),
            new Cause("merchant.disabledMethods", MERCHANT_METHOD_DISABLED_BY_MERCHANT, w -> w.disabledMethods.add(PaymentMethod.HUABEI)),
            new Cause("merchant.usage", MERCHANT_LIMIT_EXCEEDED,
                    w -> w.usage.put(PaymentMethod.HUABEI, new Usage(Money.parse("199999.00"), Money.parse("199999.00")))),
            new Cause("merchant.mcc", POLICY_INDUSTRY_RESTRICTED, w -> w.mcc = "7995"),
            new Cause("merchant.region", POLICY_REGION_RESTRICTED, w -> w.region = "650104"),
            new Cause("policy.amountMax", POLICY_AMOUNT_OUT_OF_RANGE,
                    w -> w.rules.get(PaymentMethod.HUABEI).amountMax(Money.parse("1000.00"))),
            new Cause("payment.installments", POLICY_INSTALLMENT_NOT_ALLOWED, w -> w.installments = 24),
            new Cause("policy.merchantTypeLimits", POLICY_REGULATORY_LIMIT,
                    w -> w.rules.get(PaymentMethod.HUABEI).merchantTypeLimits(
                            Map.of(MerchantType.ENTERPRISE, new PeriodLimits(Money.parse("100.00"), null)))),
            new Cause("consumer.accountStatus", CONSUMER_ACCOUNT_FROZEN, w -> w.accountStatus = AccountStatus.FROZEN),
            new Cause("consumer.huabei.status", CONSUMER_HUABEI_UNAVAILABLE, w -> w.huabeiStatus = HuabeiStatus.OVERDUE),
            new Cause("consumer.huabei.available", CONSUMER_INSUFFICIENT_FUNDS, w -> w.huabeiAvailable = Money.parse("12.00")),
            new Cause("consumer.paymentCodeValid", CONSUMER_PAYMENT_CODE_INVALID, w -> w.paymentCodeValid = false),
            new Cause("payment.code", OPERATION_CODE_METHOD_MISMATCH, w -> w.paymentCode = World.WECHAT_CODE),
            new Cause("payment.code", OPERATION_UNRECOGNIZED_CODE, w -> w.paymentCode = "99887766"),
            new Cause("terminal.lastSeenAt", NETWORK_TERMINAL_OFFLINE, w -> w.lastSeenAt = World.AT.minusHours(2)),
            new Cause("terminal.keysExpireAt", SECURITY_KEY_EXPIRED, w -> w.keysExpireAt = World.AT.minusHours(1)),
            new Cause("channel.credential", SECURITY_CERTIFICATE_EXPIRED, w -> w.channels.put(Channel.ALIPAY,
                    new ChannelState(w.channels.get(Channel.ALIPAY).status(), w.channels.get(Channel.ALIPAY).connected(),
                            World.AT.minusDays(1)))));

    @Provide
    Arbitrary<List<Cause>> causes() {
        return Arbitraries.subsetOf(CAUSES).map(EligibilityProperties::onePerFact);
    }

    /** Keeps the first cause per fact, and orders causes so that the channel's state is rebuilt last-wins safely. */
    private static List<Cause> onePerFact(Set<Cause> picked) {
        Set<String> facts = new HashSet<>();
        List<Cause> kept = new ArrayList<>();
        for (Cause cause : CAUSES) {
            if (picked.contains(cause) && facts.add(cause.fact())) {
                kept.add(cause);
            }
        }
        return kept;
    }

    private static World worldWith(List<Cause> causes) {
        World world = World.allGood();
        for (Cause cause : causes) {
            cause.apply().accept(world);
        }
        return world;
    }

    @Property
    void everyCauseGivesItsReasonAndNothingElseHolds(@ForAll("causes") List<Cause> causes) {
        Verdict verdict = worldWith(causes).verdict();

        List<ReasonCode> expected = causes.stream().map(Cause::code)
                .sorted(Comparator.comparing((ReasonCode c) -> !c.blocking()).thenComparing(Enum::ordinal)).toList();
        assertThat(verdict.codes()).containsExactlyElementsOf(expected);
    }

    @Property
    void makingOneCauseGoAwayRemovesItsReasonAndOnlyThatReason(@ForAll("causes") List<Cause> causes,
                                                                 @ForAll("index") int pick) {
        if (causes.isEmpty()) {
            return;
        }
        Cause removed = causes.get(pick % causes.size());
        List<Cause> rest = new ArrayList<>(causes);
        rest.remove(removed);

        List<ReasonCode> before = new ArrayList<>(worldWith(causes).verdict().codes());
        List<ReasonCode> after = worldWith(rest).verdict().codes();

        before.remove(removed.code());
        assertThat(after).containsExactlyElementsOf(before);
    }

    @Provide
    Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Property
    void supportedExactlyWhenNoReasonIsBlocking(@ForAll("causes") List<Cause> causes) {
        Verdict verdict = worldWith(causes).verdict();

        assertThat(verdict.supported()).isEqualTo(verdict.reasons().stream().noneMatch(Reason::blocking));
        assertThat(verdict.supported()).isEqualTo(causes.stream().noneMatch(c -> c.code().blocking()));
    }

    @Property
    void aReasonListNeverRepeatsACodeExceptOneProductReasonPerProduct(@ForAll("anyWorld") World world) {
        List<Reason> reasons = world.verdict().reasons();

        Set<String> seen = new HashSet<>();
        for (Reason reason : reasons) {
            String key = switch (reason.code()) {
                case MERCHANT_PRODUCT_NOT_SIGNED, MERCHANT_PRODUCT_UNDER_REVIEW, MERCHANT_PRODUCT_REJECTED, MERCHANT_PRODUCT_SUSPENDED,
                     MERCHANT_CONSENT_MISSING, MERCHANT_PRODUCT_STATUS_DRIFT ->
                        reason.code().code() + "/" + reason.evidence().text("product");
                default -> reason.code().code();
            };
            assertThat(seen.add(key)).as("repeated %s in %s", key, reasons).isTrue();
        }
    }

    @Property
    void everyReasonTheRulesGiveRendersWithEveryValueFilledIn(@ForAll("anyWorld") World world) {
        for (Reason reason : world.verdict().reasons()) {
            for (io.shoudan.reason.Lang lang : io.shoudan.reason.Lang.values()) {
                assertThat(io.shoudan.reason.ReasonTexts.message(reason, lang)).as("%s %s", reason, lang).doesNotContain("{", "}");
                assertThat(io.shoudan.reason.ReasonTexts.remedy(reason, lang)).as("%s %s", reason, lang).doesNotContain("{", "}");
            }
        }
    }

    @Property
    void theMethodItselfIsNeverAnAlternative(@ForAll("anyWorld") World world) {
        Verdict verdict = world.verdict();

        assertThat(verdict.alternatives()).doesNotContain(verdict.method());
        assertThat(verdict.alternatives()).isSortedAccordingTo(Comparator.comparingInt(Enum::ordinal));
    }

    @Property
    void everyAlternativeIsSupportedWhenAskedForOnItsOwn(@ForAll("anyWorld") World world) {
        Snapshot snapshot = world.snapshot();
        Verdict verdict = new EligibilityEngine().evaluate(snapshot, world.intent());

        for (PaymentMethod alternative : PaymentMethod.all()) {
            if (alternative == verdict.method()) {
                continue;
            }
            Snapshot withoutConsumer = new Snapshot(snapshot.at(), snapshot.merchant(), snapshot.terminal(), null,
                    snapshot.channels(), snapshot.maintenance(), snapshot.policy());
            boolean alone = new EligibilityEngine()
                    .evaluateWithoutAlternatives(withoutConsumer, PaymentIntent.of(alternative, world.amount)).supported();
            assertThat(verdict.alternatives().contains(alternative)).as(alternative.name()).isEqualTo(alone);
        }
    }

    @Property
    void rulesMarkedTheSameForEveryMethodReallyAre(@ForAll("anyWorld") World world) {
        Snapshot snapshot = world.snapshot();
        for (Rule rule : Rules.ALL) {
            if (!rule.sameForEveryMethod()) {
                continue;
            }
            boolean asked = rule.holds(Facts.of(snapshot, world.intent()));
            for (PaymentMethod method : PaymentMethod.all()) {
                assertThat(rule.holds(Facts.alternative(snapshot, method, world.amount))).as(rule + " for " + method).isEqualTo(asked);
            }
        }
    }

    /**
     * Worlds with random causes, methods, amounts, installments, products in any onboarding state, parameter
     * versions and faults, for structural properties.
     */
    @Provide
    Arbitrary<World> anyWorld() {
        Arbitrary<PaymentMethod> methods = Arbitraries.of(PaymentMethod.class);
        Arbitrary<Long> amountsFen = Arbitraries.longs().between(-100, 7_000_000);
        Arbitrary<Integer> installments = Arbitraries.of(0, 0, 3, 5, 12);
        Arbitrary<Map<Product, ProductState>> products = Arbitraries.maps(Arbitraries.of(Product.class), productStates()).ofMaxSize(6);
        Arbitrary<Integer> parameterVersions = Arbitraries.integers().between(10, 14).injectNull(0.2);
        Arbitrary<Set<Capability>> faults = Arbitraries.subsetOf(Capability.values());
        return Combinators.combine(causes(), methods, amountsFen, installments, products, parameterVersions, faults)
                .as((causes, method, fen, count, states, parameterVersion, faulty) -> {
                    World world = worldWith(causes);
                    world.method = method;
                    world.amount = Money.ofFen(fen);
                    world.installments = count;
                    world.productStates.putAll(states);
                    world.parameterVersion = parameterVersion;
                    world.faults.addAll(faulty);
                    return world;
                });
    }

    private static Arbitrary<ProductState> productStates() {
        Arbitrary<ProductStatus> statuses = Arbitraries.of(ProductStatus.class);
        Arbitrary<Boolean> consent = Arbitraries.of(true, true, false);
        Arbitrary<ProductStatus> reported = Arbitraries.of(ProductStatus.class).injectNull(0.5);
        Arbitrary<Integer> daysAgo = Arbitraries.integers().between(0, 40).injectNull(0.3);
        Arbitrary<Integer> rejectionCount = Arbitraries.integers().between(0, 2);
        return Combinators.combine(statuses, consent, reported, daysAgo, rejectionCount).as((status, given, channel, days, rejections) ->
                new ProductState(status, days == null ? null : World.AT.minusDays(days),
                        status != ProductStatus.REJECTED ? List.of() : List.of(new Rejection("shop_photo", "门头照片不清晰 / storefront photo unclear"),
                                new Rejection("settle_account", "户名不一致")).subList(0, rejections),
                        given, channel, channel == null ? null : World.AT.minusHours(1)));
    }
}
