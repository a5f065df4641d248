package io.shoudan.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.MccRange;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.RegionPrefix;
import io.shoudan.method.PaymentMethod;
import io.shoudan.policy.MethodRule;
import io.shoudan.policy.PeriodLimits;
import io.shoudan.policy.Policy;
import io.shoudan.server.json.InvalidInputException;
import io.shoudan.server.json.JsonFields;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.TerminalModel;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.shoudan.server.json.JsonFields.enumItems;
import static io.shoudan.server.json.JsonFields.enumKey;
import static io.shoudan.server.json.JsonFields.integerItems;
import static io.shoudan.server.json.JsonFields.stringItems;

/** Reads the policy document of SCENARIO.md (also the shipped default and stored policy versions). */
public final class PolicyReader {

    private static final String[] RULE_FIELDS = {
            "requiresProducts", "installmentProducts", "merchantTypes", "minCreditRating", "minFirmware",
            "minProtocolVersion", "minParameterVersion", "requiresCapabilities", "certifiedModels", "deniedMcc", "deniedRegions",
            "amountMin", "amountMax", "installmentCounts", "installmentMinAmount", "dailyLimit", "monthlyLimit",
            "merchantTypeLimits"};

    public Policy read(JsonNode node, String path) {
        JsonFields policy = JsonFields.of(node, path, "terminalOfflineAfterSeconds", "methods");
        Map<PaymentMethod, MethodRule> methods = policy.optionalMap("methods", enumKey(PaymentMethod.class), this::rule);
        return new Policy(policy.optionalLong("terminalOfflineAfterSeconds", 0, Long.MAX_VALUE), methods);
    }

    private MethodRule rule(JsonNode node, String path) {
        JsonFields rule = JsonFields.of(node, path, RULE_FIELDS);
        List<MerchantType> types = rule.optionalList("merchantTypes", enumItems(MerchantType.class));
        List<Capability> capabilities = rule.optionalList("requiresCapabilities", enumItems(Capability.class));
        List<TerminalModel> models = rule.optionalList("certifiedModels", stringItems(TerminalModel::new));
        MethodRule.Builder builder = MethodRule.builder()
                .requiresProducts(rule.optionalList("requiresProducts", enumItems(Product.class)))
                .installmentProducts(rule.optionalList("installmentProducts", enumItems(Product.class)))
                .merchantTypes(types == null ? null : types.isEmpty() ? EnumSet.noneOf(MerchantType.class) : EnumSet.copyOf(types))
                .minCreditRating(rule.optionalEnum("minCreditRating", CreditRating.class))
                .minFirmware(rule.optionalParsed("minFirmware", FirmwareVersion::parse))
                .minProtocolVersion(rule.optionalInteger("minProtocolVersion", 0, 999))
                .minParameterVersion(rule.optionalInteger("minParameterVersion", 0, Integer.MAX_VALUE))
                .requiresCapabilities(capabilities == null || capabilities.isEmpty() ? null : EnumSet.copyOf(capabilities))
                .certifiedModels(models == null ? null : new HashSet<>(models))
                .deniedMcc(rule.optionalList("deniedMcc", stringItems(MccRange::parse)))
                .deniedRegions(rule.optionalList("deniedRegions", stringItems(RegionPrefix::new)))
                .amountMin(rule.optionalMoney("amountMin"))
                .amountMax(rule.optionalMoney("amountMax"))
                .installmentCounts(rule.optionalList("installmentCounts", integerItems(1, 60)))
                .installmentMinAmount(rule.optionalMoney("installmentMinAmount"))
                .dailyLimit(rule.optionalMoney("dailyLimit"))
                .monthlyLimit(rule.optionalMoney("monthlyLimit"))
                .merchantTypeLimits(rule.optionalMap("merchantTypeLimits", enumKey(MerchantType.class), PolicyReader::limits));
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(path, e.getMessage());
        }
    }

    private static PeriodLimits limits(JsonNode node, String path) {
        JsonFields limits = JsonFields.of(node, path, "daily", "monthly");
        return new PeriodLimits(limits.optionalMoney("daily"), limits.optionalMoney("monthly"));
    }
}
