package io.shoudan.server.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.consumer.AccountStatus;
import io.shoudan.consumer.ConsumerState;
import io.shoudan.consumer.HuabeiStatus;
import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.Mcc;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.merchant.RegionCode;
import io.shoudan.merchant.Rejection;
import io.shoudan.merchant.Usage;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.policy.Policy;
import io.shoudan.server.json.InvalidInputException;
import io.shoudan.server.json.JsonFields;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static io.shoudan.server.json.JsonFields.enumItems;
import static io.shoudan.server.json.JsonFields.enumKey;

/**
 * Reads a diagnose scenario (docs/SCENARIO.md, versions 1 and 2) strictly: unknown fields, wrong types, bad
 * versions, amounts with three decimals and unknown enum values are errors naming the field path.
 */
public final class ScenarioReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final PolicyReader policyReader;
    private final Supplier<Policy> defaultPolicy;

    public ScenarioReader(PolicyReader policyReader, Supplier<Policy> defaultPolicy) {
        this.policyReader = policyReader;
        this.defaultPolicy = defaultPolicy;
    }

    public Scenario read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            long line = e.getLocation().getLineNr();
            long column = e.getLocation().getColumnNr();
            throw new InvalidInputException("", "not valid JSON: " + withoutJacksonNames(e.getOriginalMessage())
                    + " (line " + line + ", column " + column + ") / 不是有效的 JSON（第 " + line + " 行第 " + column + " 列）");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException("", "the file is empty; expected a scenario object / 文件为空，应为一个场景对象");
        }
        return read(root);
    }

    /**
     * Jackson's reason without its advice to the programmer ({@code : enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`
     * to allow}) or its class names: the first line, up to the first Java name quoted in backticks.
     */
    static String withoutJacksonNames(String reason) {
        String firstLine = reason == null ? "" : reason.lines().findFirst().orElse("");
        int javaName = firstLine.indexOf('`');
        String plain = javaName < 0 ? firstLine : firstLine.substring(0, javaName);
        return plain.replaceAll("[\\s:;,(]*(enable|for|of type)?\\s*$", "").strip();
    }

    public Scenario read(JsonNode root) {
        JsonFields top = JsonFields.of(root, "",
                "at", "payment", "merchant", "terminal", "consumer", "channels", "maintenance", "policy");
        PaymentIntent intent = payment(top.node("payment"), top.child("payment"));
        Merchant merchant = merchant(top.node("merchant"), top.child("merchant"));
        Terminal terminal = terminal(top.node("terminal"), top.child("terminal"));
        ConsumerState consumer = top.has("consumer") ? consumer(top.node("consumer"), top.child("consumer")) : null;
        Map<Channel, ChannelState> channels = top.optionalMap("channels", enumKey(Channel.class), ScenarioReader::channel);
        List<MaintenanceWindow> maintenance = top.optionalList("maintenance", ScenarioReader::window);
        Policy policy = top.has("policy") ? policyReader.read(top.node("policy"), "policy") : defaultPolicy.get();
        return new Scenario(new Snapshot(top.time("at"), merchant, terminal, consumer, channels, maintenance, policy), intent);
    }

    private static PaymentIntent payment(JsonNode node, String path) {
        JsonFields p = JsonFields.of(node, path, "method", "amount", "installments", "paymentCode");
        Integer installments = p.optionalInteger("installments", 0, 60);
        return new PaymentIntent(p.enumValue("method", PaymentMethod.class), p.money("amount"),
                installments == null ? 0 : installments, p.optionalString("paymentCode"));
    }

    private static Merchant merchant(JsonNode node, String path) {
        JsonFields m = JsonFields.of(node, path,
                "id", "type", "status", "mcc", "region", "creditRating", "products", "disabledMethods", "usage");
        List<PaymentMethod> disabled = m.optionalList("disabledMethods", enumItems(PaymentMethod.class));
        Map<Product, ProductState> products = m.optionalMap("products", enumKey(Product.class), ScenarioReader::product);
        Map<PaymentMethod, Usage> usage = m.optionalMap("usage", enumKey(PaymentMethod.class), ScenarioReader::usage);
        return new Merchant(
                m.parsed("id", MerchantId::new),
                m.enumValue("type", MerchantType.class),
                m.enumValue("status", MerchantStatus.class),
                m.parsed("mcc", Mcc::parse),
                m.parsed("region", RegionCode::new),
                m.optionalEnum("creditRating", CreditRating.class),
                products,
                disabled == null ? null : Set.copyOf(disabled),
                usage);
    }

    /** A product's entry: its status as a string (version 1), or an object with its onboarding state (version 2). */
    private static ProductState product(JsonNode node, String path) {
        if (!node.isObject()) {
            return ProductState.of(enumItems(ProductStatus.class).read(node, path));
        }
        JsonFields p = JsonFields.of(node, path, "status", "since", "rejections", "consent", "channelStatus", "channelCheckedAt");
        ProductStatus status = p.enumValue("status", ProductStatus.class);
        List<Rejection> rejections = p.optionalList("rejections", ScenarioReader::rejection);
        if (rejections != null && !rejections.isEmpty() && status != ProductStatus.REJECTED) {
            throw new InvalidInputException(p.child("rejections"), "only a REJECTED product lists rejections; this one is " + status);
        }
        ProductStatus channelStatus = p.optionalEnum("channelStatus", ProductStatus.class);
        OffsetDateTime channelCheckedAt = p.optionalTime("channelCheckedAt");
        if (channelCheckedAt != null && channelStatus == null) {
            throw new InvalidInputException(p.child("channelCheckedAt"), "given without a channelStatus");
        }
        return new ProductState(status, p.optionalTime("since"), rejections, p.optionalBool("consent", true),
                channelStatus, channelCheckedAt);
    }

    private static Rejection rejection(JsonNode node, String path) {
        JsonFields r = JsonFields.of(node, path, "field", "reason");
        return new Rejection(nonBlank(r, "field"), nonBlank(r, "reason"));
    }

    private static String nonBlank(JsonFields fields, String name) {
        String text = fields.string(name);
        if (text.isBlank()) {
            throw new InvalidInputException(fields.child(name), "must not be blank");
        }
        return text;
    }

    private static Usage usage(JsonNode node, String path) {
        JsonFields u = JsonFields.of(node, path, "today", "month");
        Money today = u.optionalMoney("today");
        Money month = u.optionalMoney("month");
        return new Usage(today == null ? Money.ZERO : today, month == null ? Money.ZERO : month);
    }

    private static Terminal terminal(JsonNode node, String path) {
        JsonFields t = JsonFields.of(node, path, "sn", "merchantId", "model", "capabilities", "firmware",
                "protocolVersion", "status", "signedOn", "keysExpireAt", "registeredRegion", "observedRegion",
                "lastSeenAt", "enabledMethods", "parameterVersion", "faults");
        List<Capability> capabilities = t.optionalList("capabilities", enumItems(Capability.class));
        List<Capability> faults = t.optionalList("faults", enumItems(Capability.class));
        List<PaymentMethod> enabled = t.optionalList("enabledMethods", enumItems(PaymentMethod.class));
        return new Terminal(
                t.parsed("sn", TerminalSn::new),
                t.parsed("merchantId", MerchantId::new),
                t.parsed("model", TerminalModel::new),
                capabilities == null ? null : Set.copyOf(capabilities),
                t.parsed("firmware", FirmwareVersion::parse),
                t.integer("protocolVersion", 0, 999),
                t.enumValue("status", TerminalStatus.class),
                t.bool("signedOn"),
                t.optionalTime("keysExpireAt"),
                t.parsed("registeredRegion", RegionCode::new),
                t.optionalParsed("observedRegion", RegionCode::new),
                t.optionalTime("lastSeenAt"),
                enabled == null ? null : Set.copyOf(enabled),
                t.optionalInteger("parameterVersion", 0, Integer.MAX_VALUE),
                faults == null ? null : Set.copyOf(faults));
    }

    private static ConsumerState consumer(JsonNode node, String path) {
        JsonFields c = JsonFields.of(node, path, "accountStatus", "balance", "huabei", "paymentCodeValid");
        HuabeiStatus huabeiStatus = null;
        Money huabeiAvailable = null;
        if (c.has("huabei")) {
            JsonFields h = JsonFields.of(c.node("huabei"), c.child("huabei"), "status", "available");
            huabeiStatus = h.optionalEnum("status", HuabeiStatus.class);
            huabeiAvailable = h.optionalMoney("available");
        }
        return new ConsumerState(c.optionalEnum("accountStatus", AccountStatus.class), c.optionalMoney("balance"),
                huabeiStatus, huabeiAvailable, c.optionalBool("paymentCodeValid", true));
    }

    private static ChannelState channel(JsonNode node, String path) {
        JsonFields c = JsonFields.of(node, path, "status", "connected", "credentialExpiresAt");
        return new ChannelState(c.enumValue("status", ChannelStatus.class), c.optionalBool("connected", true),
                c.optionalTime("credentialExpiresAt"));
    }

    private static MaintenanceWindow window(JsonNode node, String path) {
        JsonFields w = JsonFields.of(node, path, "scope", "from", "to");
        String scope = w.string("scope");
        Channel channel = null;
        if (!"PLATFORM".equals(scope)) {
            try {
                channel = Channel.valueOf(scope);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(w.child("scope"), "\"" + scope + "\" is not one of ALIPAY, WECHAT, UNIONPAY, PLATFORM");
            }
        }
        try {
            return new MaintenanceWindow(channel, w.time("from"), w.time("to"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(w.child("to"), e.getMessage());
        }
    }
}
