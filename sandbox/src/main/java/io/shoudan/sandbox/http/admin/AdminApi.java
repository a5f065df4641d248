package io.shoudan.sandbox.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.consumer.AccountStatus;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerLimits;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.FundingSource;
import io.shoudan.sandbox.consumer.HuabeiStatus;
import io.shoudan.sandbox.consumer.IssuedCode;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.sandbox.consumer.SourceId;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.http.admin.AdminRequests.CodeSpec;
import io.shoudan.sandbox.http.admin.AdminRequests.ConsumerSpec;
import io.shoudan.sandbox.http.admin.AdminRequests.FaultSpec;
import io.shoudan.sandbox.http.admin.AdminRequests.MerchantSpec;
import io.shoudan.sandbox.http.admin.AdminRequests.SourceSpec;
import io.shoudan.sandbox.http.admin.AdminRequests.SourceUpdate;
import io.shoudan.sandbox.http.admin.AdminRequests.StatusSpec;
import io.shoudan.sandbox.http.wechat.WechatApiKeys;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.MerchantStatus;
import io.shoudan.sandbox.merchant.SignedProduct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox's admin API (JSON over HTTP, under {@code /admin}): consumers and their funding
 * sources, payment codes, channel merchants, faults and the money total. Handlers parse, call the
 * sandbox's registries, and render; a refused input is HTTP 400 with the reason in English and
 * Chinese, an unknown consumer or merchant 404. Routes and bodies: docs/SANDBOX.md, section "HTTP".
 */
public final class AdminApi {

    private final Sandbox sandbox;
    private final WechatApiKeys wechatKeys;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AdminApi(Sandbox sandbox, WechatApiKeys wechatKeys) {
        this.sandbox = sandbox;
        this.wechatKeys = wechatKeys;
    }

    public void routes(Javalin app) {
        app.post("/admin/consumers", ctx -> respond(ctx, 201, createConsumer(read(ctx, ConsumerSpec.class))));
        app.get("/admin/consumers/{id}", ctx -> respond(ctx, 200, view(consumer(ctx.pathParam("id")))));
        app.put("/admin/consumers/{id}/status", ctx -> respond(ctx, 200, view(sandbox.consumers().setStatus(
                consumer(ctx.pathParam("id")).id(),
                parse(AccountStatus.class, read(ctx, StatusSpec.class).status(), "status")))));
        app.put("/admin/consumers/{id}/sources/{sourceId}", ctx -> respond(ctx, 200,
                view(updateSource(consumer(ctx.pathParam("id")), ctx.pathParam("sourceId"),
                        read(ctx, SourceUpdate.class)))));
        app.post("/admin/consumers/{id}/codes", ctx -> respond(ctx, 201, issueCode(consumer(ctx.pathParam("id")),
                read(ctx, CodeSpec.class))));
        app.post("/admin/merchants", ctx -> respond(ctx, 201, registerMerchant(read(ctx, MerchantSpec.class))));
        app.get("/admin/merchants/{channel}/{id}", ctx -> respond(ctx, 200,
                view(merchant(ctx.pathParam("channel"), ctx.pathParam("id")))));
        app.put("/admin/merchants/{channel}/{id}", ctx -> respond(ctx, 200, view(updateMerchant(
                merchant(ctx.pathParam("channel"), ctx.pathParam("id")), read(ctx, MerchantSpec.class)))));
        app.get("/admin/faults", ctx -> respond(ctx, 200, sandbox.faults().rules().stream().map(this::view).toList()));
        app.post("/admin/faults", ctx -> {
            FaultRule rule = faultRule(read(ctx, FaultSpec.class));
            sandbox.faults().add(rule);
            respond(ctx, 201, view(rule));
        });
        app.delete("/admin/faults", ctx -> {
            sandbox.faults().clear();
            ctx.status(204);
        });
        app.get("/admin/funds", ctx -> respond(ctx, 200, funds()));
        app.exception(AdminInputException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.messageZh()));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, e.getMessage(), e.messageZh()));
        // The registries refuse inconsistent states (a duplicate id, a card that belongs to someone else).
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, AdminErrors.plain(e.getMessage()),
                "请求被拒绝：取值无效，或与沙箱中已有的数据冲突（详见 error 字段）"));
    }

    private Map<String, Object> createConsumer(ConsumerSpec spec) {
        ConsumerSetup setup = ConsumerSetup.of(required(spec.id(), "id"));
        if (spec.logonId() != null) {
            setup.logonId(spec.logonId());
        }
        if (spec.status() != null) {
            setup.status(parse(AccountStatus.class, spec.status(), "status"));
        }
        if (Boolean.FALSE.equals(spec.realNameCertified())) {
            setup.notRealNameCertified();
        }
        if (spec.limits() != null) {
            ConsumerLimits none = ConsumerLimits.unlimited();
            String single = spec.limits().singlePaymentLimit();
            String daily = spec.limits().dailyLimit();
            setup.limits(new ConsumerLimits(
                    single == null ? none.singlePaymentLimit() : money(single, "limits.singlePaymentLimit"),
                    daily == null ? none.dailyLimit() : money(daily, "limits.dailyLimit")));
        }
        if (spec.password() != null) {
            setup.password(new PasswordConfirmation(money(spec.password().thresholdAbove(), "password.thresholdAbove"),
                    Optional.ofNullable(spec.password().confirmsAfterMs())
                            .map(ms -> Duration.ofMillis(notNegative(ms, "password.confirmsAfterMs")))));
        }
        for (SourceSpec source : spec.sources() == null ? List.<SourceSpec>of() : spec.sources()) {
            addSource(setup, source);
        }
        return view(sandbox.consumers().register(setup));
    }

    private static void addSource(ConsumerSetup setup, SourceSpec source) {
        String type = required(source.type(), "sources[].type");
        switch (type) {
            case "alipayBalance" -> setup.alipayBalance(money(source.available(), "available"));
            case "yuebao" -> setup.yuebao(money(source.available(), "available"));
            case "wechatBalance" -> setup.wechatBalance(money(source.available(), "available"));
            case "lingqiantong" -> setup.lingqiantong(money(source.available(), "available"));
            case "huabei" -> setup.huabei(money(source.creditLimit(), "creditLimit"), money(source.available(), "available"),
                    source.status() == null ? HuabeiStatus.OPEN : parse(HuabeiStatus.class, source.status(), "status"));
            case "card" -> {
                CardKind kind = parse(CardKind.class, required(source.kind(), "kind"), "kind");
                Pin pin = source.pin() == null ? null : Pin.of(source.pin());
                CardStatus status = source.status() == null ? CardStatus.ACTIVE
                        : parse(CardStatus.class, source.status(), "status");
                if (Boolean.TRUE.equals(source.posOnly())) {
                    setup.posOnlyCard(required(source.id(), "id"), kind, required(source.pan(), "pan"), pin,
                            money(source.available(), "available"), status);
                } else {
                    setup.card(required(source.id(), "id"), kind, required(source.pan(), "pan"), pin,
                            money(source.available(), "available"), status);
                }
            }
            default -> throw new AdminInputException("unknown source type " + type
                    + " (alipayBalance, yuebao, huabei, wechatBalance, lingqiantong, card)",
                    "未知的资金来源类型 " + type);
        }
    }

    private Consumer updateSource(Consumer consumer, String sourceId, SourceUpdate update) {
        FundingSource current;
        try {
            current = consumer.source(new SourceId(sourceId));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException("no source " + sourceId + " for " + consumer.id().value(),
                    "该消费者没有资金来源 " + sourceId);
        }
        FundingSource next = update.available() == null ? current
                : current.withAvailable(money(update.available(), "available"));
        if (update.status() != null) {
            next = switch (next) {
                case FundingSource.Huabei huabei -> huabei.withStatus(parse(HuabeiStatus.class, update.status(), "status"));
                case FundingSource.BankCard card -> card.withStatus(parse(CardStatus.class, update.status(), "status"));
                default -> throw new AdminInputException("source " + sourceId + " has no status",
                        "资金来源 " + sourceId + " 没有状态");
            };
        }
        return sandbox.consumers().replaceSource(consumer.id(), next);
    }

    private Map<String, Object> issueCode(Consumer consumer, CodeSpec spec) {
        Channel channel = parse(Channel.class, required(spec.channel(), "channel"), "channel");
        IssuedCode code = sandbox.codes().issue(consumer.id(), channel);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", code.code());
        view.put("channel", code.channel().name());
        view.put("consumer", code.consumer().value());
        view.put("issuedAt", code.issuedAt().toString());
        view.put("expiresAt", code.expiresAt().toString());
        return view;
    }

    private Map<String, Object> registerMerchant(MerchantSpec spec) {
        Channel channel = parse(Channel.class, required(spec.channel(), "channel"), "channel");
        MerchantKey key = new MerchantKey(channel, required(spec.id(), "id"));
        if (channel == Channel.WECHAT && wechatKeys.fileOf(key.id()).isEmpty()) {
            throw new AdminInputException("a WeChat mch_id is 1-32 letters, digits, _ or -", "微信商户号格式错误");
        }
        ChannelMerchant registered = sandbox.merchants().register(apply(ChannelMerchant.signed(key), spec));
        if (channel == Channel.WECHAT) {
            wechatKeys.obtain(key.id());
        }
        return view(registered);
    }

    private ChannelMerchant updateMerchant(ChannelMerchant merchant, MerchantSpec spec) {
        return sandbox.merchants().update(merchant.key(), current -> apply(current, spec));
    }

    private static ChannelMerchant apply(ChannelMerchant merchant, MerchantSpec spec) {
        Set<SignedProduct> products = merchant.products();
        if (spec.products() != null) {
            products = EnumSet.noneOf(SignedProduct.class);
            for (String product : spec.products()) {
                products.add(parse(SignedProduct.class, product, "products"));
            }
        }
        MerchantStatus status = spec.status() == null ? merchant.status()
                : parse(MerchantStatus.class, spec.status(), "status");
        Set<Integer> counts = spec.installmentCounts() == null ? merchant.installmentCounts()
                : Set.copyOf(spec.installmentCounts());
        Money perTrade = spec.perTradeLimit() == null ? merchant.perTradeLimit()
                : money(spec.perTradeLimit(), "perTradeLimit");
        Money daily = spec.dailyReceiptLimit() == null ? merchant.dailyReceiptLimit()
                : money(spec.dailyReceiptLimit(), "dailyReceiptLimit");
        Money monthly = spec.monthlyReceiptLimit() == null ? merchant.monthlyReceiptLimit()
                : money(spec.monthlyReceiptLimit(), "monthlyReceiptLimit");
        return new ChannelMerchant(merchant.key(), status, products, counts, perTrade, daily, monthly);
    }

    private static FaultRule faultRule(FaultSpec spec) {
        Channel channel = parse(Channel.class, required(spec.channel(), "channel"), "channel");
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        for (String operation : spec.operations() == null ? List.<String>of() : spec.operations()) {
            operations.add(parse(Operation.class, operation, "operations"));
        }
        String kind = required(spec.kind(), "kind");
        Fault fault = switch (kind) {
            case "SystemError" -> new Fault.SystemError();
            case "ServiceUnavailable" -> new Fault.ServiceUnavailable();
            case "UserPaying" -> new Fault.UserPaying(Optional.ofNullable(spec.confirmsAfterMs())
                    .map(ms -> Duration.ofMillis(notNegative(ms, "confirmsAfterMs"))));
            case "Delay" -> new Fault.Delay(Duration.ofMillis(notNegative(Optional.ofNullable(spec.delayMs())
                    .orElseThrow(() -> new AdminInputException("a Delay needs delayMs", "Delay 故障需要 delayMs")), "delayMs")));
            case "ResponseLost" -> new Fault.ResponseLost();
            case "TamperSignature" -> new Fault.TamperSignature();
            default -> throw new AdminInputException("unknown fault kind " + kind + " (SystemError, "
                    + "ServiceUnavailable, UserPaying, Delay, ResponseLost, TamperSignature)", "未知的故障类型 " + kind);
        };
        int everyNth = spec.everyNth() == null ? 1 : spec.everyNth();
        if (everyNth < 1) {
            throw new AdminInputException("everyNth must be 1 or more, got " + everyNth, "everyNth 必须不小于 1，实际为 " + everyNth);
        }
        int percent = spec.percent() == null ? 100 : spec.percent();
        if (percent < 1 || percent > 100) {
            throw new AdminInputException("percent must be 1 to 100, got " + percent, "percent 必须在 1 到 100 之间，实际为 " + percent);
        }
        return new FaultRule(channel, operations, spec.outTradeNo(), everyNth, percent, fault);
    }

    private static long notNegative(long ms, String field) {
        if (ms < 0) {
            throw new AdminInputException(field + " must be 0 or more milliseconds, got " + ms, field + " 不能为负数（毫秒），实际为 " + ms);
        }
        return ms;
    }

    private Map<String, Object> funds() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("fundsTotal", sandbox.fundsTotal().toString());
        view.put("consumers", sandbox.consumers().fundsTotal().toString());
        view.put("merchants", sandbox.merchants().fundsTotal().toString());
        return view;
    }

    private Consumer consumer(String id) {
        return sandbox.consumers().find(new ConsumerId(id))
                .orElseThrow(() -> new NotFoundException("no consumer " + id, "没有消费者 " + id));
    }

    private ChannelMerchant merchant(String channel, String id) {
        MerchantKey key = new MerchantKey(parse(Channel.class, channel, "channel"), id);
        return sandbox.merchants().find(key)
                .orElseThrow(() -> new NotFoundException("no merchant " + channel + "/" + id, "没有商户 " + channel + "/" + id));
    }

    private Map<String, Object> view(Consumer consumer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", consumer.id().value());
        view.put("logonId", consumer.logonId());
        view.put("openid", consumer.openid());
        view.put("status", consumer.status().name());
        view.put("realNameCertified", consumer.realNameCertified());
        // null: no limit (the registries use a huge sentinel amount for it)
        ConsumerLimits none = ConsumerLimits.unlimited();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("singlePaymentLimit", limit(consumer.limits().singlePaymentLimit(), none.singlePaymentLimit()));
        limits.put("dailyLimit", limit(consumer.limits().dailyLimit(), none.dailyLimit()));
        view.put("limits", limits);
        Map<String, Object> password = new LinkedHashMap<>();
        password.put("thresholdAbove", consumer.password().thresholdAbove().toString());
        password.put("confirmsAfterMs", consumer.password().confirmsAfter().map(Duration::toMillis).orElse(null));
        view.put("password", password);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (FundingSource source : consumer.sources()) {
            sources.add(view(source));
        }
        view.put("sources", sources);
        view.put("alipayOrder", consumer.alipayOrder().stream().map(SourceId::value).toList());
        view.put("wechatOrder", consumer.wechatOrder().stream().map(SourceId::value).toList());
        view.put("unionpayQrCard", consumer.unionpayQrCard() == null ? null : consumer.unionpayQrCard().value());
        view.put("fundsTotal", consumer.fundsTotal().toString());
        return view;
    }

    private static Map<String, Object> view(FundingSource source) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", source.id().value());
        switch (source) {
            case FundingSource.WalletBalance wallet ->
                    view.put("type", wallet.wallet() == Channel.ALIPAY ? "alipayBalance" : "wechatBalance");
            case FundingSource.MoneyFund fund -> view.put("type", fund.wallet() == Channel.ALIPAY ? "yuebao" : "lingqiantong");
            case FundingSource.Huabei huabei -> {
                view.put("type", "huabei");
                view.put("creditLimit", huabei.creditLimit().toString());
                view.put("status", huabei.status().name());
            }
            case FundingSource.BankCard card -> {
                view.put("type", "card");
                view.put("kind", card.kind().name());
                view.put("pan", card.maskedPan());
                view.put("status", card.status().name());
            }
        }
        view.put("available", source.available().toString());
        return view;
    }

    private Map<String, Object> view(ChannelMerchant merchant) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("channel", merchant.key().channel().name());
        view.put("id", merchant.key().id());
        view.put("status", merchant.status().name());
        view.put("products", merchant.products().stream().map(Enum::name).sorted().toList());
        view.put("installmentCounts", new TreeSet<>(merchant.installmentCounts()));
        ChannelMerchant none = ChannelMerchant.signed(merchant.key());
        view.put("perTradeLimit", limit(merchant.perTradeLimit(), none.perTradeLimit()));
        view.put("dailyReceiptLimit", limit(merchant.dailyReceiptLimit(), none.dailyReceiptLimit()));
        view.put("monthlyReceiptLimit", limit(merchant.monthlyReceiptLimit(), none.monthlyReceiptLimit()));
        view.put("received", sandbox.merchants().received(merchant.key()).toString());
        if (merchant.key().channel() == Channel.WECHAT) {
            view.put("apiKeyFile", wechatKeys.fileOf(merchant.key().id()).map(Object::toString).orElse(null));
        }
        return view;
    }

    private static String limit(Money value, Money unlimited) {
        return value.equals(unlimited) ? null : value.toString();
    }

    private Map<String, Object> view(FaultRule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("channel", rule.channel().name());
        view.put("operations", rule.operations().stream().map(Enum::name).sorted().toList());
        view.put("outTradeNo", rule.outTradeNo());
        view.put("everyNth", rule.everyNth());
        view.put("percent", rule.percent());
        view.put("kind", rule.fault().getClass().getSimpleName());
        switch (rule.fault()) {
            case Fault.Delay delay -> view.put("delayMs", delay.delay().toMillis());
            case Fault.UserPaying paying ->
                    view.put("confirmsAfterMs", paying.confirmsAfter().map(Duration::toMillis).orElse(null));
            default -> {
            }
        }
        return view;
    }

    private <T> T read(Context ctx, Class<T> type) {
        try {
            T value = mapper.readValue(ctx.body(), type);
            if (value == null) {
                throw new AdminInputException("the body must be a JSON object", "请求体必须是 JSON 对象");
            }
            return value;
        } catch (JsonProcessingException e) {
            AdminErrors.Message message = AdminErrors.ofJson(e);
            throw new AdminInputException(message.en(), message.zh());
        }
    }

    private void respond(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json;charset=utf-8").result(mapper.writeValueAsString(body));
    }

    private void error(Context ctx, int status, String messageEn, String messageZh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", messageEn);
        body.put("errorZh", messageZh);
        try {
            respond(ctx, status, body);
        } catch (JsonProcessingException e) {
            ctx.status(500);
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new AdminInputException(name + " is required", "缺少字段 " + name);
        }
        return value;
    }

    private static Money money(String value, String name) {
        if (!Money.isValid(value)) {
            throw new AdminInputException(name + " must be an amount like \"12.34\", not " + value,
                    name + " 必须是金额，如 \"12.34\"");
        }
        return Money.parse(value);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name());
        }
        throw new AdminInputException(name + " must be one of " + allowed + ", not " + value,
                name + " 必须是 " + allowed + " 之一");
    }


    /** A request the admin API refuses (HTTP 400). */
    static final class AdminInputException extends RuntimeException {
        private final String messageZh;

        AdminInputException(String messageEn, String messageZh) {
            super(messageEn);
            this.messageZh = messageZh;
        }

        String messageZh() {
            return messageZh;
        }
    }

    /** An unknown consumer, source or merchant (HTTP 404). */
    static final class NotFoundException extends RuntimeException {
        private final String messageZh;

        NotFoundException(String messageEn, String messageZh) {
            super(messageEn);
            this.messageZh = messageZh;
        }

        String messageZh() {
            return messageZh;
        }
    }
}
