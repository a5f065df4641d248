package io.shoudan.policy;

import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.MccRange;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.RegionPrefix;
import io.shoudan.money.Money;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.TerminalModel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The acquirer's conditions for one payment method. Every field is optional: {@code null} (or an
 * empty list where a list restricts) means "no such restriction".
 *
 * @param merchantTypes      allowed merchant types; {@code null}: all
 * @param minParameterVersion the oldest terminal parameter set the method works with (e.g. the one that
 *                           carries its AID or QR parameters); {@code null}: any
 * @param certifiedModels    certified terminal models; {@code null}: every model
 * @param installmentCounts  offered installment counts; {@code null}: any
 * @param merchantTypeLimits regulatory limits per merchant type ({@code POLICY.REGULATORY_LIMIT})
 * @param dailyLimit         the acquirer's per-merchant daily limit ({@code MERCHANT.LIMIT_EXCEEDED})
 */
public record MethodRule(
        List<Product> requiresProducts,
        List<Product> installmentProducts,
        Set<MerchantType> merchantTypes,
        CreditRating minCreditRating,
        FirmwareVersion minFirmware,
        Integer minProtocolVersion,
        Integer minParameterVersion,
        Set<Capability> requiresCapabilities,
        Set<TerminalModel> certifiedModels,
        List<MccRange> deniedMcc,
        List<RegionPrefix> deniedRegions,
        Money amountMin,
        Money amountMax,
        List<Integer> installmentCounts,
        Money installmentMinAmount,
        Money dailyLimit,
        Money monthlyLimit,
        Map<MerchantType, PeriodLimits> merchantTypeLimits) {

    public MethodRule {
        requiresProducts = listOrEmpty(requiresProducts);
        installmentProducts = listOrEmpty(installmentProducts);
        merchantTypes = merchantTypes == null ? null : Collections.unmodifiableSet(
                merchantTypes.isEmpty() ? EnumSet.noneOf(MerchantType.class) : EnumSet.copyOf(merchantTypes));
        requiresCapabilities = Collections.unmodifiableSet(requiresCapabilities == null || requiresCapabilities.isEmpty()
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(requiresCapabilities));
        certifiedModels = certifiedModels == null ? null : Set.copyOf(certifiedModels);
        deniedMcc = listOrEmpty(deniedMcc);
        deniedRegions = listOrEmpty(deniedRegions);
        installmentCounts = installmentCounts == null ? null : List.copyOf(installmentCounts);
        merchantTypeLimits = Collections.unmodifiableMap(merchantTypeLimits == null || merchantTypeLimits.isEmpty()
                ? new EnumMap<>(MerchantType.class) : new EnumMap<>(merchantTypeLimits));
        if (minParameterVersion != null && minParameterVersion < 0) {
            throw new IllegalArgumentException("minParameterVersion must not be negative, got " + minParameterVersion);
        }
        if (amountMin != null && amountMax != null && amountMin.isGreaterThan(amountMax)) {
            throw new IllegalArgumentException("amountMin " + amountMin + " is above amountMax " + amountMax);
        }
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named construction for code and tests; the JSON reader and the store use it too. */
    public static final class Builder {
        private List<Product> requiresProducts;
        private List<Product> installmentProducts;
        private Set<MerchantType> merchantTypes;
        private CreditRating minCreditRating;
        private FirmwareVersion minFirmware;
        private Integer minProtocolVersion;
        private Integer minParameterVersion;
        private Set<Capability> requiresCapabilities;
        private Set<TerminalModel> certifiedModels;
        private List<MccRange> deniedMcc;
        private List<RegionPrefix> deniedRegions;
        private Money amountMin;
        private Money amountMax;
        private List<Integer> installmentCounts;
        private Money installmentMinAmount;
        private Money dailyLimit;
        private Money monthlyLimit;
        private Map<MerchantType, PeriodLimits> merchantTypeLimits;

        public Builder requiresProducts(List<Product> v) { requiresProducts = v; return this; }
        public Builder installmentProducts(List<Product> v) { installmentProducts = v; return this; }
        public Builder merchantTypes(Set<MerchantType> v) { merchantTypes = v; return this; }
        public Builder minCreditRating(CreditRating v) { minCreditRating = v; return this; }
        public Builder minFirmware(FirmwareVersion v) { minFirmware = v; return this; }
        public Builder minProtocolVersion(Integer v) { minProtocolVersion = v; return this; }
        public Builder minParameterVersion(Integer v) { minParameterVersion = v; return this; }
        public Builder requiresCapabilities(Set<Capability> v) { requiresCapabilities = v; return this; }
        public Builder certifiedModels(Set<TerminalModel> v) { certifiedModels = v; return this; }
        public Builder deniedMcc(List<MccRange> v) { deniedMcc = v; return this; }
        public Builder deniedRegions(List<RegionPrefix> v) { deniedRegions = v; return this; }
        public Builder amountMin(Money v) { amountMin = v; return this; }
        public Builder amountMax(Money v) { amountMax = v; return this; }
        public Builder installmentCounts(List<Integer> v) { installmentCounts = v; return this; }
        public Builder installmentMinAmount(Money v) { installmentMinAmount = v; return this; }
        public Builder dailyLimit(Money v) { dailyLimit = v; return this; }
        public Builder monthlyLimit(Money v) { monthlyLimit = v; return this; }
        public Builder merchantTypeLimits(Map<MerchantType, PeriodLimits> v) { merchantTypeLimits = v; return this; }

        public MethodRule build() {
            return new MethodRule(requiresProducts, installmentProducts, merchantTypes, minCreditRating, minFirmware,
                    minProtocolVersion, minParameterVersion, requiresCapabilities, certifiedModels, deniedMcc, deniedRegions, amountMin,
                    amountMax, installmentCounts, installmentMinAmount, dailyLimit, monthlyLimit, merchantTypeLimits);
        }
    }
}
