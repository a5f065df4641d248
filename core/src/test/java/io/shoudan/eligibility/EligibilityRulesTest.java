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
import io.shoudan.merchant.ProductStatus;
import io.shoudan.reason.Lang;
import io.shoudan.reason.ReasonTexts;
import io.shoudan.reason.Reason;
import io.shoudan.merchant.Rejection;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.RegionPrefix;
import io.shoudan.merchant.Usage;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.policy.PeriodLimits;
import io.shoudan.reason.ReasonCode;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.shoudan.reason.ReasonCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * One table per rule family: starting from a world where everything is fine, one fact changes and
 * exactly the listed reasons (in contract order) must hold. Boundaries sit on both sides of each limit.
 */
class EligibilityRulesTest {

    private static final OffsetDateTime AT = World.AT;

    @Test
    void aWorldWhereEverythingIsFineSupportsHuabeiAndOffersEveryOtherMethod() {
        Verdict verdict = World.allGood().verdict();

        assertThat(verdict.supported()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.alternatives()).containsExactly(PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY,
                PaymentMethod.UNIONPAY_QR, PaymentMethod.UNIONPAY_DEBIT, PaymentMethod.UNIONPAY_CREDIT);
    }

    static Stream<Arguments> integrationAndMaintenance() {
        return Stream.of(
                row("method absent from the policy is not offered", w -> w.rules.remove(PaymentMethod.HUABEI),
                        INTEGRATION_METHOD_NOT_OFFERED),
                row("channel absent from the map is not connected", w -> w.channels.remove(Channel.ALIPAY),
                        INTEGRATION_CHANNEL_NOT_CONNECTED),
                row("channel with connected false is not connected",
                        w -> w.channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, false, null)),
                        INTEGRATION_CHANNEL_NOT_CONNECTED),
                row("protocol one below the minimum is too old", w -> w.protocolVersion = 1, INTEGRATION_PROTOCOL_TOO_OLD),
                row("protocol exactly at the minimum is fine", w -> w.protocolVersion = 2),
                row("channel window holds at its from", w -> w.maintenance.add(window(Channel.ALIPAY, AT, AT.plusHours(1))),
                        MAINTENANCE_CHANNEL_WINDOW),
                row("channel window is over at its to", w -> w.maintenance.add(window(Channel.ALIPAY, AT.minusHours(1), AT))),
                row("channel window one second before its to still holds",
                        w -> w.maintenance.add(window(Channel.ALIPAY, AT.minusHours(1), AT.plusSeconds(1))),
                        MAINTENANCE_CHANNEL_WINDOW),
                row("another channel's window does not matter",
                        w -> w.maintenance.add(window(Channel.WECHAT, AT.minusHours(1), AT.plusHours(1)))),
                row("platform window stops every method",
                        w -> w.maintenance.add(window(null, AT.minusMinutes(5), AT.plusMinutes(5))),
                        MAINTENANCE_PLATFORM_WINDOW),
                row("channel down is unavailable",
                        w -> w.channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.DOWN, true, null)),
                        MAINTENANCE_CHANNEL_UNAVAILABLE),
                row("channel degraded is only a warning",
                        w -> w.channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.DEGRADED, true, null)),
                        MAINTENANCE_CHANNEL_DEGRADED),
                row("credential expiring exactly now has expired",
                        w -> w.channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, true, AT)),
                        SECURITY_CERTIFICATE_EXPIRED),
                row("credential expiring a second from now is still valid",
                        w -> w.channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, true, AT.plusSeconds(1)))));
    }

    static Stream<Arguments> terminal() {
        return Stream.of(
                row("terminal never activated", w -> w.terminalStatus = TerminalStatus.NOT_ACTIVATED, TERMINAL_NOT_ACTIVATED),
                row("terminal retired", w -> w.terminalStatus = TerminalStatus.RETIRED, TERMINAL_NOT_ACTIVATED),
                row("terminal locked", w -> w.terminalStatus = TerminalStatus.LOCKED, TERMINAL_LOCKED),
                row("terminal installing a firmware update", w -> w.terminalStatus = TerminalStatus.UPDATING, TERMINAL_UPDATING),
                row("parameter version 11 is below 12", w -> w.parameterVersion = 11, TERMINAL_PARAMETERS_OUTDATED),
                row("parameter version exactly 12 is enough", w -> w.parameterVersion = 12),
                row("an unknown parameter version is not checked", w -> w.parameterVersion = null),
                row("no minimum parameter version means no check",
                        w -> w.with(x -> x.parameterVersion = 0).rule(r -> r.minParameterVersion(null))),
                row("a faulty scanner stops a scan-code method", w -> w.faults.add(Capability.SCANNER), TERMINAL_HARDWARE_FAULT),
                row("a fault on a device the method does not need is no reason", w -> w.faults.add(Capability.PRINTER)),
                row("a missing scanner is unsupported, not faulty, even if reported faulty",
                        w -> w.with(x -> x.capabilities.remove(Capability.SCANNER)).faults.add(Capability.SCANNER),
                        TERMINAL_HARDWARE_UNSUPPORTED),
                row("terminal bound to another merchant", w -> w.terminalMerchantId = "M999999", TERMINAL_UNBOUND),
                row("terminal seen in another city is relocated", w -> w.observedRegion = "320102", TERMINAL_RELOCATED),
                row("terminal seen in another district of the same city is fine", w -> w.observedRegion = "310101"),
                row("terminal with no observed region is not checked", w -> w.observedRegion = null),
                row("terminal not signed on", w -> w.signedOn = false, TERMINAL_NOT_SIGNED_ON),
                row("firmware 3.1.9 is below 3.2.0", w -> w.firmware = "3.1.9", TERMINAL_FIRMWARE_TOO_OLD),
                row("firmware exactly 3.2.0 is enough", w -> w.firmware = "3.2.0"),
                row("firmware 3.2 equals 3.2.0", w -> w.firmware = "3.2"),
                row("firmware 3.9.2 is below 3.10.0",
                        w -> w.with(x -> x.firmware = "3.9.2").rule(r -> r.minFirmware(FirmwareVersion.parse("3.10.0"))),
                        TERMINAL_FIRMWARE_TOO_OLD),
                row("firmware 3.10.0 is above 3.9.2",
                        w -> w.with(x -> x.firmware = "3.10.0").rule(r -> r.minFirmware(FirmwareVersion.parse("3.9.2")))),
                row("terminal without a scanner", w -> w.capabilities.remove(Capability.SCANNER), TERMINAL_HARDWARE_UNSUPPORTED),
                row("model not on the certified list",
                        w -> w.rule(r -> r.certifiedModels(Set.of(new TerminalModel("P2")))), TERMINAL_MODEL_NOT_CERTIFIED),
                row("model on the certified list", w -> w.rule(r -> r.certifiedModels(Set.of(new TerminalModel("A8"))))),
                row("method not enabled in the POS settings", w -> w.enabledMethods.remove(PaymentMethod.HUABEI),
                        TERMINAL_METHOD_NOT_CONFIGURED),
                row("keys expiring exactly now have expired", w -> w.keysExpireAt = AT, SECURITY_KEY_EXPIRED),
                row("keys expiring a second from now are valid", w -> w.keysExpireAt = AT.plusSeconds(1)),
                row("terminal silent 301 s with a 300 s threshold is offline", w -> w.lastSeenAt = AT.minusSeconds(301),
                        NETWORK_TERMINAL_OFFLINE),
                row("terminal silent exactly 300 s is still online", w -> w.lastSeenAt = AT.minusSeconds(300)),
                row("no offline threshold means no offline check",
                        w -> w.with(x -> x.lastSeenAt = AT.minusDays(3)).offlineAfterSeconds = null));
    }

    static Stream<Arguments> merchant() {
        return Stream.of(
                row("merchant pending review", w -> w.merchantStatus = MerchantStatus.PENDING_REVIEW, MERCHANT_NOT_APPROVED),
                row("merchant rejected", w -> w.merchantStatus = MerchantStatus.REJECTED, MERCHANT_NOT_APPROVED),
                row("merchant suspended", w -> w.merchantStatus = MerchantStatus.SUSPENDED, MERCHANT_SUSPENDED),
                row("merchant closed", w -> w.merchantStatus = MerchantStatus.CLOSED, MERCHANT_SUSPENDED),
                row("individual merchant is not eligible for Huabei and 1288.00 passes its regulatory daily cap",
                        w -> w.merchantType = MerchantType.INDIVIDUAL, MERCHANT_TYPE_NOT_ELIGIBLE, POLICY_REGULATORY_LIMIT),
                row("individual merchant under its regulatory cap is only not eligible",
                        w -> w.with(x -> x.merchantType = MerchantType.INDIVIDUAL).amount = Money.parse("1000.00"),
                        MERCHANT_TYPE_NOT_ELIGIBLE),
                row("Huabei not signed", w -> w.products.put(Product.HUABEI, ProductStatus.NOT_SIGNED), MERCHANT_PRODUCT_NOT_SIGNED),
                row("Huabei absent from the products map counts as not signed", w -> w.products.remove(Product.HUABEI),
                        MERCHANT_PRODUCT_NOT_SIGNED),
                row("Huabei pending is under review (contract version 2)", w -> w.products.put(Product.HUABEI, ProductStatus.PENDING),
                        MERCHANT_PRODUCT_UNDER_REVIEW),
                row("Huabei rejected with the reviewer's fields", w -> w.productStates.put(Product.HUABEI, new ProductState(
                        ProductStatus.REJECTED, AT.minusDays(2), List.of(new Rejection("shop_photo", "门头照片不清晰")), true, null, null)),
                        MERCHANT_PRODUCT_REJECTED),
                row("Huabei rejected with no rejections listed is still rejected",
                        w -> w.products.put(Product.HUABEI, ProductStatus.REJECTED), MERCHANT_PRODUCT_REJECTED),
                row("Huabei approved but the merchant's consent is missing", w -> w.productStates.put(Product.HUABEI,
                        new ProductState(ProductStatus.ACTIVE, null, List.of(), false, null, null)), MERCHANT_CONSENT_MISSING),
                row("Huabei active while Alipay reports it suspended drifts", w -> w.productStates.put(Product.HUABEI,
                        new ProductState(ProductStatus.ACTIVE, null, List.of(), true, ProductStatus.SUSPENDED, AT.minusHours(1))),
                        MERCHANT_PRODUCT_STATUS_DRIFT),
                row("consent missing and drift hold together, in catalogue order", w -> w.productStates.put(Product.HUABEI,
                        new ProductState(ProductStatus.ACTIVE, null, List.of(), false, ProductStatus.PENDING, null)),
                        MERCHANT_CONSENT_MISSING, MERCHANT_PRODUCT_STATUS_DRIFT),
                row("the channel reporting the product active is no drift", w -> w.productStates.put(Product.HUABEI,
                        new ProductState(ProductStatus.ACTIVE, null, List.of(), true, ProductStatus.ACTIVE, AT.minusHours(1)))),
                row("consent and the channel's report do not matter for a product that is not active",
                        w -> w.productStates.put(Product.HUABEI, new ProductState(ProductStatus.SUSPENDED, null, List.of(), false,
                                ProductStatus.ACTIVE, null)), MERCHANT_PRODUCT_SUSPENDED),
                row("consent missing on a product the method does not need is no reason",
                        w -> w.productStates.put(Product.WECHAT_PAY, new ProductState(ProductStatus.ACTIVE, null, List.of(), false,
                                null, null))),
                row("Huabei suspended", w -> w.products.put(Product.HUABEI, ProductStatus.SUSPENDED), MERCHANT_PRODUCT_SUSPENDED),
                row("installment product is needed only with installments",
                        w -> w.products.put(Product.HUABEI_INSTALLMENT, ProductStatus.NOT_SIGNED)),
                row("installment product not signed with 3 installments",
                        w -> w.with(x -> x.installments = 3).products.put(Product.HUABEI_INSTALLMENT, ProductStatus.NOT_SIGNED),
                        MERCHANT_PRODUCT_NOT_SIGNED),
                row("rating C below B", w -> w.rating = CreditRating.C, MERCHANT_CREDIT_RATING_TOO_LOW),
                row("rating exactly B is enough", w -> w.rating = CreditRating.B),
                row("unrated merchant counts as D", w -> w.rating = null, MERCHANT_CREDIT_RATING_TOO_LOW),
                row("merchant switched Huabei off", w -> w.disabledMethods.add(PaymentMethod.HUABEI),
                        MERCHANT_METHOD_DISABLED_BY_MERCHANT),
                row("daily usage plus amount exactly at the limit is fine",
                        w -> w.usage.put(PaymentMethod.HUABEI, new Usage(Money.parse("198712.00"), Money.parse("198712.00")))),
                row("daily usage plus amount one fen over the limit",
                        w -> w.usage.put(PaymentMethod.HUABEI, new Usage(Money.parse("198712.01"), Money.parse("198712.01"))),
                        MERCHANT_LIMIT_EXCEEDED),
                row("monthly usage plus amount one fen over the limit",
                        w -> w.usage.put(PaymentMethod.HUABEI, new Usage(Money.ZERO, Money.parse("1998712.01"))),
                        MERCHANT_LIMIT_EXCEEDED),
                row("usage of another method does not count",
                        w -> w.usage.put(PaymentMethod.ALIPAY, new Usage(Money.parse("999999.00"), Money.parse("999999.00")))));
    }

    static Stream<Arguments> policy() {
        return Stream.of(
                row("MCC on the denied list", w -> w.mcc = "5944", POLICY_INDUSTRY_RESTRICTED),
                row("MCC at the low end of a denied range", w -> w.mcc = "6010", POLICY_INDUSTRY_RESTRICTED),
                row("MCC at the high end of a denied range", w -> w.mcc = "6012", POLICY_INDUSTRY_RESTRICTED),
                row("MCC just above a denied range", w -> w.mcc = "6013"),
                row("MCC just below a denied range", w -> w.mcc = "6009"),
                row("region under a denied province prefix", w -> w.region = "650102", POLICY_REGION_RESTRICTED),
                row("region under a denied city prefix", w -> w.region = "540012", POLICY_REGION_RESTRICTED),
                row("region in the same province but another city than a denied city prefix", w -> w.region = "540102"),
                row("region under a denied district prefix",
                        w -> w.rule(r -> r.deniedRegions(List.of(new RegionPrefix("310115")))), POLICY_REGION_RESTRICTED),
                row("neighbouring district of a denied district",
                        w -> w.with(x -> x.region = "310116").rule(r -> r.deniedRegions(List.of(new RegionPrefix("310115"))))),
                row("amount exactly the maximum", w -> w.with(x -> x.amount = Money.parse("50000.00"))
                        .huabeiAvailable = Money.parse("60000.00")),
                row("amount one fen over the maximum", w -> w.with(x -> x.amount = Money.parse("50000.01"))
                        .huabeiAvailable = Money.parse("60000.00"), POLICY_AMOUNT_OUT_OF_RANGE),
                row("amount exactly the minimum", w -> w.amount = Money.parse("1.00")),
                row("amount one fen under the minimum", w -> w.amount = Money.parse("0.99"), POLICY_AMOUNT_OUT_OF_RANGE),
                row("3 installments at exactly the installment minimum",
                        w -> w.with(x -> x.installments = 3).amount = Money.parse("600.00")),
                row("3 installments one fen under the installment minimum",
                        w -> w.with(x -> x.installments = 3).amount = Money.parse("599.99"), POLICY_INSTALLMENT_NOT_ALLOWED),
                row("installment count not offered", w -> w.installments = 5, POLICY_INSTALLMENT_NOT_ALLOWED),
                row("installments on a method other than Huabei",
                        w -> w.with(x -> x.method = PaymentMethod.ALIPAY).installments = 3, POLICY_INSTALLMENT_NOT_ALLOWED),
                row("regulatory daily limit for the merchant's type exactly reached",
                        w -> w.rule(r -> r.merchantTypeLimits(Map.of(MerchantType.ENTERPRISE,
                                new PeriodLimits(Money.parse("1288.00"), null))))),
                row("regulatory daily limit for the merchant's type passed by one fen",
                        w -> w.rule(r -> r.merchantTypeLimits(Map.of(MerchantType.ENTERPRISE,
                                new PeriodLimits(Money.parse("1287.99"), null)))), POLICY_REGULATORY_LIMIT),
                row("regulatory monthly limit passed",
                        w -> w.with(x -> x.usage.put(PaymentMethod.HUABEI, new Usage(Money.ZERO, Money.parse("9000.00"))))
                                .rule(r -> r.merchantTypeLimits(Map.of(MerchantType.ENTERPRISE,
                                        new PeriodLimits(null, Money.parse("10000.00"))))), POLICY_REGULATORY_LIMIT),
                row("another type's regulatory limit does not apply",
                        w -> w.rule(r -> r.merchantTypeLimits(Map.of(MerchantType.INDIVIDUAL,
                                new PeriodLimits(Money.parse("1.00"), null))))));
    }

    static Stream<Arguments> consumerAndOperation() {
        return Stream.of(
                row("consumer account frozen", w -> w.accountStatus = AccountStatus.FROZEN, CONSUMER_ACCOUNT_FROZEN),
                row("consumer under risk control", w -> w.accountStatus = AccountStatus.RISK_CONTROLLED, CONSUMER_ACCOUNT_FROZEN),
                row("Huabei overdue", w -> w.huabeiStatus = HuabeiStatus.OVERDUE, CONSUMER_HUABEI_UNAVAILABLE),
                row("Huabei closed", w -> w.huabeiStatus = HuabeiStatus.CLOSED, CONSUMER_HUABEI_UNAVAILABLE),
                row("Huabei frozen", w -> w.huabeiStatus = HuabeiStatus.FROZEN, CONSUMER_HUABEI_UNAVAILABLE),
                row("Huabei credit exactly the amount", w -> w.huabeiAvailable = Money.parse("1288.00")),
                row("Huabei credit one fen short", w -> w.huabeiAvailable = Money.parse("1287.99"), CONSUMER_INSUFFICIENT_FUNDS),
                row("balance does not matter for Huabei", w -> w.balance = Money.ZERO),
                row("balance one fen short for Alipay", w -> w.with(x -> x.method = PaymentMethod.ALIPAY)
                        .balance = Money.parse("1287.99"), CONSUMER_INSUFFICIENT_FUNDS),
                row("balance one fen short for WeChat Pay", w -> w.with(x -> x.method = PaymentMethod.WECHAT_PAY)
                        .with(x -> x.paymentCode = World.WECHAT_CODE).balance = Money.parse("1287.99"), CONSUMER_INSUFFICIENT_FUNDS),
                row("payment code no longer valid", w -> w.paymentCodeValid = false, CONSUMER_PAYMENT_CODE_INVALID),
                row("no consumer means no consumer checks", w -> w.with(x -> x.withConsumer = false)
                        .huabeiStatus = HuabeiStatus.OVERDUE),
                row("WeChat code scanned for Huabei", w -> w.paymentCode = World.WECHAT_CODE, OPERATION_CODE_METHOD_MISMATCH),
                row("UnionPay code scanned for Alipay", w -> w.with(x -> x.method = PaymentMethod.ALIPAY)
                        .paymentCode = World.UNIONPAY_CODE, OPERATION_CODE_METHOD_MISMATCH),
                row("a code given for a card payment", w -> w.with(x -> x.method = PaymentMethod.UNIONPAY_DEBIT)
                        .paymentCode = World.ALIPAY_CODE, OPERATION_CODE_METHOD_MISMATCH),
                row("a collection QR text is not a payment code", w -> w.paymentCode = "https://qr.alipay.com/abc",
                        OPERATION_UNRECOGNIZED_CODE),
                row("15 digits are too short for any payment code", w -> w.paymentCode = "286012345678901",
                        OPERATION_UNRECOGNIZED_CODE),
                row("16-digit Alipay code is recognised", w -> w.paymentCode = "2860123456789012"),
                row("24-digit Alipay code is recognised", w -> w.paymentCode = "286012345678901234567890"),
                row("25 digits are too long", w -> w.paymentCode = "2860123456789012345678901", OPERATION_UNRECOGNIZED_CODE),
                row("no code scanned yet is no problem", w -> w.paymentCode = null),
                row("amount 0.00 is the cashier's typo and nothing else", w -> w.amount = Money.ZERO, OPERATION_INVALID_AMOUNT),
                row("negative amount is the cashier's typo and nothing else", w -> w.amount = Money.parse("-5.00"),
                        OPERATION_INVALID_AMOUNT),
                row("amount 0.00 with installments is not also below the installment floor",
                        w -> w.with(x -> x.amount = Money.ZERO).installments = 3, OPERATION_INVALID_AMOUNT),
                row("amount 0.00 with a bad installment count is still told the count",
                        w -> w.with(x -> x.amount = Money.ZERO).installments = 5, POLICY_INSTALLMENT_NOT_ALLOWED, OPERATION_INVALID_AMOUNT),
                row("amount 0.00 over a used-up limit is not also a limit problem", w -> w.with(x -> x.amount = Money.ZERO)
                        .usage.put(PaymentMethod.HUABEI, new Usage(Money.parse("200000.00"), Money.parse("200000.00"))),
                        OPERATION_INVALID_AMOUNT),
                row("amount 0.01 below the Huabei minimum is out of range, not invalid", w -> w.amount = Money.parse("0.01"),
                        POLICY_AMOUNT_OUT_OF_RANGE),
                row("amount 0.00 with no minimum is only invalid",
                        w -> w.with(x -> x.amount = Money.ZERO).rule(r -> r.amountMin(null)), OPERATION_INVALID_AMOUNT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"integrationAndMaintenance", "terminal", "merchant", "policy", "consumerAndOperation"})
    void exactlyTheseReasonsHold(String description, Consumer<World> change, List<ReasonCode> expected) {
        World world = World.allGood();
        change.accept(world);

        Verdict verdict = world.verdict();

        assertThat(verdict.codes()).as(description).containsExactlyElementsOf(expected);
        assertThat(verdict.supported()).isEqualTo(expected.stream().noneMatch(ReasonCode::blocking));
    }

    @Test
    void everyReasonThatHoldsIsListedBlockingFirstThenInCatalogueOrder() {
        World world = World.allGood().with(w -> {
            w.channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.DEGRADED, true, null));
            w.firmware = "3.0.0";
            w.products.put(Product.HUABEI, ProductStatus.SUSPENDED);
            w.products.put(Product.ALIPAY, ProductStatus.NOT_SIGNED);
            w.mcc = "7995";
            w.signedOn = false;
        });

        assertThat(world.verdict().codes()).containsExactly(TERMINAL_NOT_SIGNED_ON, TERMINAL_FIRMWARE_TOO_OLD,
                MERCHANT_PRODUCT_NOT_SIGNED, MERCHANT_PRODUCT_SUSPENDED, POLICY_INDUSTRY_RESTRICTED,
                MAINTENANCE_CHANNEL_DEGRADED);
    }

    @Test
    void eachProductThatIsNotActiveGetsItsOwnReasonWithItsName() {
        World world = World.allGood().with(w -> {
            w.installments = 3;
            w.products.put(Product.ALIPAY, ProductStatus.PENDING);
            w.products.put(Product.HUABEI, ProductStatus.NOT_SIGNED);
            w.products.put(Product.HUABEI_INSTALLMENT, ProductStatus.REJECTED);
        });

        // Catalogue order first (not signed, under review, rejected), one reason per product.
        assertThat(world.verdict().reasons()).extracting(r -> r.evidence().text("product"))
                .containsExactly("HUABEI", "ALIPAY", "HUABEI_INSTALLMENT");
        assertThat(world.verdict().codes()).containsExactly(MERCHANT_PRODUCT_NOT_SIGNED, MERCHANT_PRODUCT_UNDER_REVIEW,
                MERCHANT_PRODUCT_REJECTED);
    }

    @Test
    void aProductUnderReviewSaysSinceWhenAndForHowManyDays() {
        World world = World.allGood().with(w -> w.productStates.put(Product.HUABEI,
                new ProductState(ProductStatus.PENDING, AT.minusDays(3).minusHours(2), List.of(), true, null, null)));

        Reason reason = world.verdict().reasons().getFirst();

        assertThat(reason.evidence().asMap()).containsEntry("product", "HUABEI").containsEntry("channel", "ALIPAY")
                .containsEntry("days", "3").containsEntry("since", "2026-11-20T12:05:00+08:00");
        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("花呗").contains("审核中已 3 天");
        assertThat(ReasonTexts.message(reason, Lang.EN)).contains("Huabei").contains("for 3 days");
    }

    @Test
    void aProductUnderReviewWithoutADateIsToldWithoutOne() {
        Reason reason = World.allGood().with(w -> w.products.put(Product.HUABEI, ProductStatus.PENDING)).verdict().reasons().getFirst();

        assertThat(ReasonTexts.message(reason, Lang.ZH)).isEqualTo("“花呗”的开通申请正在审核中，审核通过前花呗不能使用。");
        assertThat(ReasonTexts.message(reason, Lang.EN)).doesNotContain("{", "[", "days");
    }

    @Test
    void aRejectedProductNamesEachFieldWithTheReviewersReasonInTheReadersLanguage() {
        World world = World.allGood().with(w -> w.productStates.put(Product.HUABEI, new ProductState(ProductStatus.REJECTED,
                AT.minusDays(2), List.of(new Rejection("shop_photo", "门头照片不清晰 / storefront photo unclear"),
                new Rejection("settle_account", "结算账户户名与营业执照名称不一致 / account holder differs from the licence")),
                true, null, null)));

        Reason reason = world.verdict().reasons().getFirst();

        assertThat(reason.code()).isEqualTo(MERCHANT_PRODUCT_REJECTED);
        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("门头照片（门头照片不清晰）")
                .contains("结算账户（结算账户户名与营业执照名称不一致）").doesNotContain("storefront");
        assertThat(ReasonTexts.message(reason, Lang.EN)).contains("storefront photo (storefront photo unclear)")
                .contains("settlement account (account holder differs from the licence)").doesNotContain("门头");
        assertThat(ReasonTexts.remedy(reason, Lang.ZH)).contains("修改门头照片、结算账户后重新提交");
        assertThat(ReasonTexts.remedy(reason, Lang.EN)).contains("correct the storefront photo, settlement account");
    }

    @Test
    void aRejectionWithoutTheReviewersListSaysSoAndSendsTheMerchantForTheDetails() {
        Reason reason = World.allGood().with(w -> w.products.put(Product.HUABEI, ProductStatus.REJECTED)).verdict().reasons().getFirst();

        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("审核方未列明驳回项目");
        assertThat(ReasonTexts.remedy(reason, Lang.EN)).contains("ask the acquirer for its details");
    }

    @Test
    void consentMissingNamesTheChannelThatWaitsForTheMerchant() {
        Reason reason = World.allGood().with(w -> w.productStates.put(Product.HUABEI,
                new ProductState(ProductStatus.ACTIVE, null, List.of(), false, null, null))).verdict().reasons().getFirst();

        assertThat(reason.evidence().asMap()).containsEntry("channel", "ALIPAY").containsEntry("consent", "false");
        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("尚未在支付宝确认开户意愿");
        assertThat(ReasonTexts.message(reason, Lang.EN)).contains("with Alipay");
    }

    @Test
    void driftSaysWhatThePlatformHoldsWhatTheChannelSaysAndWhenItWasChecked() {
        Reason reason = World.allGood().with(w -> w.productStates.put(Product.HUABEI, new ProductState(ProductStatus.ACTIVE, null,
                List.of(), true, ProductStatus.SUSPENDED, AT.minusHours(5)))).verdict().reasons().getFirst();

        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("“正常”").contains("“已暂停”").contains("2026-11-23T09:05:00+08:00");
        assertThat(ReasonTexts.message(reason, Lang.EN)).contains("as active").contains("as suspended").contains("at 2026-11-23T09:05");
    }

    @Test
    void outdatedParametersNameBothVersionsAndSigningOnAgain() {
        Reason reason = World.allGood().with(w -> w.parameterVersion = 11).verdict().reasons().getFirst();

        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("参数版本为 11").contains("12");
        assertThat(ReasonTexts.remedy(reason, Lang.ZH)).contains("重新签到");
        assertThat(ReasonTexts.remedy(reason, Lang.EN)).contains("sign on again").contains("version 12");
    }

    @Test
    void aHardwareFaultNamesTheFaultyDevice() {
        Reason reason = World.allGood().with(w -> w.faults.addAll(EnumSet.of(Capability.SCANNER, Capability.PRINTER)))
                .verdict().reasons().getFirst();

        assertThat(reason.evidence().get("faulty")).isEqualTo(List.of("SCANNER"));
        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("扫码头故障");
        assertThat(ReasonTexts.message(reason, Lang.EN)).contains("fault in the barcode scanner");
    }

    @Test
    void anUpdatingTerminalLeavesNoAlternative() {
        Verdict verdict = World.allGood().with(w -> w.terminalStatus = TerminalStatus.UPDATING).verdict();

        assertThat(verdict.codes()).containsExactly(TERMINAL_UPDATING);
        assertThat(verdict.alternatives()).isEmpty();
    }

    @Test
    void aZeroAmountIsToldAsATypoWithNoAdviceToGiveUpOnTheMethod() {
        Verdict verdict = World.allGood().with(w -> w.amount = Money.ZERO).verdict();

        assertThat(verdict.codes()).containsExactly(OPERATION_INVALID_AMOUNT);
        for (Reason reason : verdict.reasons()) {
            assertThat(ReasonTexts.remedy(reason, Lang.EN)).doesNotContain("retrying will not help", "another method");
            assertThat(ReasonTexts.message(reason, Lang.ZH)).doesNotContain("最低", "分期");
        }
    }

    @Test
    void theEvidenceNamesTheInstalledAndTheRequiredFirmware() {
        Verdict verdict = World.allGood().with(w -> w.firmware = "3.1.4").verdict();

        assertThat(verdict.reasons().getFirst().evidence().asMap())
                .containsEntry("required", "3.2.0").containsEntry("actual", "3.1.4").containsEntry("method", "HUABEI");
    }

    @Test
    void theLimitEvidenceNamesTheLimitTheUsageAndThePeriod() {
        Verdict verdict = World.allGood()
                .with(w -> w.usage.put(PaymentMethod.HUABEI, new Usage(Money.parse("199000.00"), Money.parse("199000.00"))))
                .verdict();

        assertThat(verdict.reasons().getFirst().evidence().asMap())
                .containsEntry("period", "DAILY").containsEntry("limit", "200000.00")
                .containsEntry("used", "199000.00").containsEntry("amount", "1288.00");
    }

    @Test
    void alternativesLeaveOutTheScannedCodeTheConsumerAndInstallments() {
        World world = World.allGood().with(w -> {
            w.paymentCode = World.WECHAT_CODE;
            w.balance = Money.ZERO;
            w.accountStatus = AccountStatus.FROZEN;
            w.installments = 3;
        });

        assertThat(world.verdict().alternatives()).containsExactly(PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY,
                PaymentMethod.UNIONPAY_QR, PaymentMethod.UNIONPAY_DEBIT, PaymentMethod.UNIONPAY_CREDIT);
    }

    @Test
    void alternativesFollowTheSameRulesForTheSameAmount() {
        World world = World.allGood().with(w -> {
            w.amount = Money.parse("60000.00");
            w.capabilities = EnumSet.of(Capability.SCANNER);
        });

        // Huabei and UnionPay QR top out at 50000.00; cards need a chip reader this terminal lacks.
        assertThat(world.verdict().alternatives()).containsExactly(PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY);
    }

    @Test
    void aWarningDoesNotStopAMethodFromBeingAnAlternative() {
        World world = World.allGood().with(w -> {
            w.method = PaymentMethod.UNIONPAY_DEBIT;
            w.paymentCode = null;
            w.channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.DEGRADED, true, null));
        });

        assertThat(world.verdict().alternatives()).contains(PaymentMethod.ALIPAY, PaymentMethod.HUABEI);
    }

    @Test
    void aLivePaymentCanAskWithoutAlternatives() {
        World world = World.allGood().with(w -> w.firmware = "1.0.0");

        Verdict verdict = new EligibilityEngine().evaluateWithoutAlternatives(world.snapshot(), world.intent());

        assertThat(verdict.codes()).containsExactly(TERMINAL_FIRMWARE_TOO_OLD);
        assertThat(verdict.alternatives()).isEmpty();
    }

    @Test
    void theRuleListFollowsTheCatalogueOrder() {
        List<ReasonCode> order = Rules.ALL.stream().map(Rule::code).toList();

        assertThat(order).isSortedAccordingTo(java.util.Comparator.comparingInt(Enum::ordinal));
        assertThat(order).doesNotHaveDuplicates();
    }

    private static MaintenanceWindow window(Channel channel, OffsetDateTime from, OffsetDateTime to) {
        return new MaintenanceWindow(channel, from, to);
    }

    private static Arguments row(String description, Consumer<World> change, ReasonCode... expected) {
        return arguments(description, change, List.of(expected));
    }

}
