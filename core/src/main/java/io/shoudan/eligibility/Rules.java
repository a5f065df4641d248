package io.shoudan.eligibility;

import io.shoudan.channel.ChannelStatus;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.consumer.AccountStatus;
import io.shoudan.consumer.ConsumerState;
import io.shoudan.consumer.HuabeiStatus;
import io.shoudan.merchant.MccRange;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.merchant.RegionPrefix;
import io.shoudan.merchant.Rejection;
import io.shoudan.merchant.Usage;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentCode;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.policy.MethodRule;
import io.shoudan.policy.PeriodLimits;
import io.shoudan.reason.Evidence;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.reason.ReasonFacts;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalStatus;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static io.shoudan.eligibility.Rule.Reach.EVERY_METHOD;
import static io.shoudan.reason.ReasonCode.*;

/**
 * Every eligibility rule of the scenario contract, one per reason code, in catalogue order.
 * Adding a rule means adding one entry here, the record of its facts in {@link EligibilityReason} and its
 * texts in {@code ReasonTexts}. A rule that reads
 * nothing of the method (the terminal's state, the merchant's status, the platform window, the amount's
 * sign) says so with {@link Rule.Reach#EVERY_METHOD}.
 */
final class Rules {

    private Rules() {
    }

    static final List<Rule> ALL = List.of(
            new Rule(INTEGRATION_METHOD_NOT_OFFERED) {
                @Override
                boolean holds(Facts f) {
                    return f.rule == null;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.MethodNotOffered(f.method));
                }
            },
            new Rule(INTEGRATION_CHANNEL_NOT_CONNECTED) {
                @Override
                boolean holds(Facts f) {
                    return f.channel == null || !f.channel.connected();
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.ChannelNotConnected(f.method, f.channel == null));
                }
            },
            new Rule(INTEGRATION_PROTOCOL_TOO_OLD) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.rule.minProtocolVersion() != null
                            && f.terminal().protocolVersion() < f.rule.minProtocolVersion();
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.ProtocolTooOld(f.method, f.rule.minProtocolVersion(), f.terminal().protocolVersion()));
                }
            },
            new Rule(MAINTENANCE_CHANNEL_WINDOW) {
                @Override
                boolean holds(Facts f) {
                    return window(f, f.method.channel()) != null;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.ChannelWindow(window(f, f.method.channel())));
                }
            },
            new Rule(MAINTENANCE_PLATFORM_WINDOW, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return window(f, null) != null;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.PlatformWindow(window(f, null)));
                }
            },
            new Rule(MAINTENANCE_CHANNEL_UNAVAILABLE) {
                @Override
                boolean holds(Facts f) {
                    return f.channel != null && f.channel.status() == ChannelStatus.DOWN;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.ChannelUnavailable(f.method.channel(), f.channel.status()));
                }
            },
            new Rule(MAINTENANCE_CHANNEL_DEGRADED) {
                @Override
                boolean holds(Facts f) {
                    return f.channel != null && f.channel.status() == ChannelStatus.DEGRADED;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.ChannelDegraded(f.method.channel(), f.channel.status()));
                }
            },
            new Rule(TERMINAL_NOT_ACTIVATED, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return f.terminal().status() == TerminalStatus.NOT_ACTIVATED
                            || f.terminal().status() == TerminalStatus.RETIRED;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.TerminalNotActivated(f.terminal().sn(), f.terminal().status()));
                }
            },
            new Rule(TERMINAL_LOCKED, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return f.terminal().status() == TerminalStatus.LOCKED;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.TerminalLocked(f.terminal().sn(), f.terminal().status()));
                }
            },
            new Rule(TERMINAL_UPDATING, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return f.terminal().status() == TerminalStatus.UPDATING;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.TerminalUpdating(f.terminal().sn(), f.terminal().status(), f.terminal().firmware()));
                }
            },
            new Rule(TERMINAL_UNBOUND, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return !f.terminal().merchantId().equals(f.merchant().id());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.TerminalUnbound(f.terminal().sn(), f.terminal().merchantId(), f.merchant().id()));
                }
            },
            new Rule(TERMINAL_RELOCATED, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return f.terminal().observedRegion() != null
                            && !f.terminal().observedRegion().sameCityAs(f.terminal().registeredRegion());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.TerminalRelocated(f.terminal().registeredRegion(), f.terminal().observedRegion()));
                }
            },
            new Rule(TERMINAL_NOT_SIGNED_ON, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return !f.terminal().signedOn();
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.NotSignedOn(f.terminal().sn()));
                }
            },
            new Rule(TERMINAL_FIRMWARE_TOO_OLD) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.rule.minFirmware() != null
                            && f.terminal().firmware().isBefore(f.rule.minFirmware());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.FirmwareTooOld(f.method, f.rule.minFirmware(), f.terminal().firmware()));
                }
            },
            new Rule(TERMINAL_PARAMETERS_OUTDATED) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.rule.minParameterVersion() != null && f.terminal().parameterVersion() != null
                            && f.terminal().parameterVersion() < f.rule.minParameterVersion();
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.ParametersOutdated(f.terminal().sn(), f.method, f.rule.minParameterVersion(),
                            f.terminal().parameterVersion()));
                }
            },
            new Rule(TERMINAL_HARDWARE_UNSUPPORTED) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && !f.terminal().capabilities().containsAll(f.rule.requiresCapabilities());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.HardwareUnsupported(f.method, f.terminal().model(), missingCapabilities(f.rule, f.terminal())));
                }
            },
            new Rule(TERMINAL_HARDWARE_FAULT) {
                @Override
                boolean holds(Facts f) {
                    if (f.rule == null || f.terminal().faults().isEmpty()) {
                        return false;
                    }
                    for (Capability needed : f.rule.requiresCapabilities()) {
                        if (f.terminal().faults().contains(needed) && f.terminal().capabilities().contains(needed)) {
                            return true;
                        }
                    }
                    return false;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.HardwareFault(f.terminal().sn(), f.method, f.terminal().model(),
                            faultyCapabilities(f.rule, f.terminal())));
                }
            },
            new Rule(TERMINAL_MODEL_NOT_CERTIFIED) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.rule.certifiedModels() != null
                            && !f.rule.certifiedModels().contains(f.terminal().model());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.ModelNotCertified(f.method, f.terminal().model(),
                            f.rule.certifiedModels().stream().map(Object::toString).sorted().toList()));
                }
            },
            new Rule(TERMINAL_METHOD_NOT_CONFIGURED) {
                @Override
                boolean holds(Facts f) {
                    return !f.terminal().enabledMethods().contains(f.method);
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.MethodNotConfigured(f.method, f.terminal().enabledMethods()));
                }
            },
            new Rule(MERCHANT_NOT_APPROVED, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return f.merchant().status() == MerchantStatus.PENDING_REVIEW
                            || f.merchant().status() == MerchantStatus.REJECTED;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.MerchantNotApproved(f.merchant().id(), f.merchant().status()));
                }
            },
            new Rule(MERCHANT_SUSPENDED, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return f.merchant().status() == MerchantStatus.SUSPENDED
                            || f.merchant().status() == MerchantStatus.CLOSED;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.MerchantSuspended(f.merchant().id(), f.merchant().status()));
                }
            },
            new Rule(MERCHANT_TYPE_NOT_ELIGIBLE) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.rule.merchantTypes() != null
                            && !f.rule.merchantTypes().contains(f.merchant().type());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.TypeNotEligible(f.method, f.merchant().type(), f.rule.merchantTypes()));
                }
            },
            new ProductRule(MERCHANT_PRODUCT_NOT_SIGNED, state -> state.status() == ProductStatus.NOT_SIGNED),
            new ProductRule(MERCHANT_PRODUCT_UNDER_REVIEW, state -> state.status() == ProductStatus.PENDING),
            new ProductRule(MERCHANT_PRODUCT_REJECTED, state -> state.status() == ProductStatus.REJECTED),
            new ProductRule(MERCHANT_PRODUCT_SUSPENDED, state -> state.status() == ProductStatus.SUSPENDED),
            new ProductRule(MERCHANT_CONSENT_MISSING, ProductState::awaitingConsent),
            new ProductRule(MERCHANT_PRODUCT_STATUS_DRIFT, ProductState::drifted),
            new Rule(MERCHANT_CREDIT_RATING_TOO_LOW) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.rule.minCreditRating() != null
                            && f.merchant().creditRating().isWorseThan(f.rule.minCreditRating());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.CreditRatingTooLow(f.method, f.merchant().creditRating(), f.rule.minCreditRating()));
                }
            },
            new Rule(MERCHANT_METHOD_DISABLED_BY_MERCHANT) {
                @Override
                boolean holds(Facts f) {
                    return f.merchant().disabledMethods().contains(f.method);
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.DisabledByMerchant(f.method, f.merchant().id()));
                }
            },
            new Rule(MERCHANT_LIMIT_EXCEEDED) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.amountIsValid() && exceeded(f, f.rule.dailyLimit(), f.rule.monthlyLimit()) != null;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(limitPassed(f, f.rule.dailyLimit(), f.rule.monthlyLimit()));
                }
            },
            new Rule(POLICY_INDUSTRY_RESTRICTED) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && deniedMcc(f) != null;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.IndustryRestricted(f.method, f.merchant().mcc(), deniedMcc(f)));
                }
            },
            new Rule(POLICY_REGION_RESTRICTED) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && deniedRegion(f) != null;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.RegionRestricted(f.method, f.merchant().region(), deniedRegion(f)));
                }
            },
            new Rule(POLICY_AMOUNT_OUT_OF_RANGE) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.amountIsValid() && (belowMin(f) || aboveMax(f));
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.AmountOutOfRange(f.method, f.amount, belowMin(f) ? "MIN" : "MAX",
                            belowMin(f) ? f.rule.amountMin() : f.rule.amountMax()));
                }
            },
            new Rule(POLICY_INSTALLMENT_NOT_ALLOWED) {
                @Override
                boolean holds(Facts f) {
                    return f.installments > 0 && installmentsRefused(f);
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(installmentFacts(f));
                }
            },
            new Rule(POLICY_REGULATORY_LIMIT) {
                @Override
                boolean holds(Facts f) {
                    return f.rule != null && f.amountIsValid() && exceeded(f, typeLimits(f).daily(), typeLimits(f).monthly()) != null;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.RegulatoryLimit(f.merchant().type(),
                            limitPassed(f, typeLimits(f).daily(), typeLimits(f).monthly())));
                }
            },
            new Rule(CONSUMER_ACCOUNT_FROZEN) {
                @Override
                boolean holds(Facts f) {
                    return f.consumer != null && f.consumer.accountStatus() != AccountStatus.NORMAL;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.AccountFrozen(f.method.channel(), f.consumer.accountStatus()));
                }
            },
            new Rule(CONSUMER_HUABEI_UNAVAILABLE) {
                @Override
                boolean holds(Facts f) {
                    return f.consumer != null && f.method == PaymentMethod.HUABEI && f.consumer.huabeiStatus() != null
                            && f.consumer.huabeiStatus() != HuabeiStatus.OPEN;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.HuabeiUnavailable(f.consumer.huabeiStatus()));
                }
            },
            new Rule(CONSUMER_INSUFFICIENT_FUNDS) {
                @Override
                boolean holds(Facts f) {
                    return f.consumer != null && f.amountIsValid() && fundsAvailable(f) != null
                            && fundsAvailable(f).isLessThan(f.amount);
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.InsufficientFunds(f.method == PaymentMethod.HUABEI ? "HUABEI" : "BALANCE",
                            fundsAvailable(f), f.amount));
                }
            },
            new Rule(CONSUMER_PAYMENT_CODE_INVALID) {
                @Override
                boolean holds(Facts f) {
                    return f.consumer != null && !f.consumer.paymentCodeValid();
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.PaymentCodeInvalid(PaymentCode.masked(f.paymentCode)));
                }
            },
            new Rule(OPERATION_CODE_METHOD_MISMATCH) {
                @Override
                boolean holds(Facts f) {
                    return f.paymentCode != null && codeMismatch(f);
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.CodeMethodMismatch(f.method, scannedIssuer(f),
                            f.method.scansCode() ? f.method.channel().name() : "CARD", PaymentCode.masked(f.paymentCode)));
                }
            },
            new Rule(OPERATION_UNRECOGNIZED_CODE) {
                @Override
                boolean holds(Facts f) {
                    return f.paymentCode != null && f.method.scansCode() && PaymentCode.issuerOrNull(f.paymentCode) == null;
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.UnrecognizedCode(PaymentCode.masked(f.paymentCode), f.paymentCode.length()));
                }
            },
            new Rule(OPERATION_INVALID_AMOUNT, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return !f.amount.isPositive();
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.InvalidAmount(f.amount));
                }
            },
            new Rule(NETWORK_TERMINAL_OFFLINE, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return silentTooLong(f);
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.TerminalOffline(f.terminal().lastSeenAt(),
                            secondsBetween(f.terminal().lastSeenAt(), f.at()), f.snapshot.policy().terminalOfflineAfterSeconds()));
                }
            },
            new Rule(SECURITY_KEY_EXPIRED, EVERY_METHOD) {
                @Override
                boolean holds(Facts f) {
                    return f.terminal().keysExpireAt() != null && !f.terminal().keysExpireAt().isAfter(f.at());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.KeyExpired(f.terminal().sn(), f.terminal().keysExpireAt()));
                }
            },
            new Rule(SECURITY_CERTIFICATE_EXPIRED) {
                @Override
                boolean holds(Facts f) {
                    return f.channel != null && f.channel.credentialExpiresAt() != null
                            && !f.channel.credentialExpiresAt().isAfter(f.at());
                }

                @Override
                Evidence evidence(Facts f) {
                    return of(new EligibilityReason.CertificateExpired(f.method.channel(), f.channel.credentialExpiresAt()));
                }
            });

    // --- maintenance -------------------------------------------------------------------------

    /** The first window holding now for {@code channel}, or for the platform when it is null. */
    private static MaintenanceWindow window(Facts f, Channel channel) {
        for (MaintenanceWindow window : f.snapshot.maintenance()) {
            if (window.channel() == channel && window.holdsAt(f.at())) {
                return window;
            }
        }
        return null;
    }

    // --- terminal ----------------------------------------------------------------------------

    private static List<Capability> missingCapabilities(MethodRule rule, Terminal terminal) {
        List<Capability> missing = new ArrayList<>();
        for (Capability needed : rule.requiresCapabilities()) {
            if (!terminal.capabilities().contains(needed)) {
                missing.add(needed);
            }
        }
        return missing;
    }

    private static List<Capability> faultyCapabilities(MethodRule rule, Terminal terminal) {
        List<Capability> faulty = new ArrayList<>();
        for (Capability needed : rule.requiresCapabilities()) {
            if (terminal.faults().contains(needed) && terminal.capabilities().contains(needed)) {
                faulty.add(needed);
            }
        }
        return faulty;
    }

    private static boolean silentTooLong(Facts f) {
        Long threshold = f.snapshot.policy().terminalOfflineAfterSeconds();
        OffsetDateTime lastSeen = f.terminal().lastSeenAt();
        if (threshold == null || lastSeen == null) {
            return false;
        }
        long seconds = f.at().toEpochSecond() - lastSeen.toEpochSecond();
        int nanos = f.at().getNano() - lastSeen.getNano();
        return seconds > threshold || (seconds == threshold && nanos > 0);
    }

    private static long secondsBetween(OffsetDateTime from, OffsetDateTime to) {
        return to.toEpochSecond() - from.toEpochSecond();
    }

    // --- merchant ----------------------------------------------------------------------------

    /**
     * One reason per required product in one onboarding state: not signed, under review, rejected,
     * suspended, approved but awaiting the merchant's consent, or drifted from what the channel reports.
     */
    private static final class ProductRule extends Rule {

        private final Predicate<ProductState> inState;

        ProductRule(ReasonCode code, Predicate<ProductState> inState) {
            super(code);
            this.inState = inState;
        }

        @Override
        boolean holds(Facts f) {
            if (f.rule == null) {
                return false;
            }
            return anyMatches(f, f.rule.requiresProducts())
                    || (f.installments > 0 && anyMatches(f, f.rule.installmentProducts()));
        }

        @Override
        Evidence evidence(Facts f) {
            throw new AssertionError("product reasons are explained one per product");
        }

        @Override
        void explain(Facts f, List<Reason> out) {
            addReasons(f, f.rule.requiresProducts(), out);
            if (f.installments > 0) {
                addReasons(f, f.rule.installmentProducts(), out);
            }
        }

        private boolean anyMatches(Facts f, List<Product> products) {
            for (Product product : products) {
                if (inState.test(f.merchant().productState(product))) {
                    return true;
                }
            }
            return false;
        }

        private void addReasons(Facts f, List<Product> products, List<Reason> out) {
            for (Product product : products) {
                ProductState state = f.merchant().productState(product);
                if (inState.test(state)) {
                    out.add(new Reason(code(), of(productFacts(f, product, state))));
                }
            }
        }

        private ReasonFacts productFacts(Facts f, Product product, ProductState state) {
            return switch (code()) {
                case MERCHANT_PRODUCT_NOT_SIGNED -> new EligibilityReason.ProductNotSigned(f.method, product, state.status());
                case MERCHANT_PRODUCT_UNDER_REVIEW -> new EligibilityReason.ProductUnderReview(f.method, product, state.status(),
                        product.channel(), state.since(),
                        state.since() == null ? null : Math.max(0, Duration.between(state.since(), f.at()).toDays()));
                case MERCHANT_PRODUCT_REJECTED -> new EligibilityReason.ProductRejected(f.method, product, state.status(),
                        state.since(), rejections(state));
                case MERCHANT_PRODUCT_SUSPENDED -> new EligibilityReason.ProductSuspended(f.method, product, state.status());
                case MERCHANT_CONSENT_MISSING -> new EligibilityReason.ConsentMissing(f.method, product, state.status(), product.channel());
                case MERCHANT_PRODUCT_STATUS_DRIFT -> new EligibilityReason.ProductStatusDrift(f.method, product, state.status(),
                        product.channel(), state.channelStatus(), state.channelCheckedAt());
                default -> throw new IllegalStateException(code() + " is not a product reason");
            };
        }

        /** Each rejection as {@code field: reason}, the form the texts' {@code rejection} labels read. */
        private static List<String> rejections(ProductState state) {
            List<String> items = new ArrayList<>(state.rejections().size());
            for (Rejection rejection : state.rejections()) {
                items.add(rejection.field() + ": " + rejection.reason());
            }
            return items;
        }
    }

    // --- limits ------------------------------------------------------------------------------

    /** "DAILY" or "MONTHLY" for the limit this payment would pass (monthly first: it lasts longer). */
    private static String exceeded(Facts f, Money daily, Money monthly) {
        Usage used = f.merchant().usage(f.method);
        if (monthly != null && used.month().plus(f.amount).isGreaterThan(monthly)) {
            return "MONTHLY";
        }
        if (daily != null && used.today().plus(f.amount).isGreaterThan(daily)) {
            return "DAILY";
        }
        return null;
    }

    private static EligibilityReason.LimitExceeded limitPassed(Facts f, Money daily, Money monthly) {
        String period = exceeded(f, daily, monthly);
        Usage used = f.merchant().usage(f.method);
        boolean monthlyPeriod = "MONTHLY".equals(period);
        return new EligibilityReason.LimitExceeded(f.method, period, monthlyPeriod ? monthly : daily,
                monthlyPeriod ? used.month() : used.today(), f.amount);
    }

    private static PeriodLimits typeLimits(Facts f) {
        PeriodLimits limits = f.rule.merchantTypeLimits().get(f.merchant().type());
        return limits == null ? PeriodLimits.NONE : limits;
    }

    // --- policy ------------------------------------------------------------------------------

    private static MccRange deniedMcc(Facts f) {
        for (MccRange range : f.rule.deniedMcc()) {
            if (range.contains(f.merchant().mcc())) {
                return range;
            }
        }
        return null;
    }

    private static RegionPrefix deniedRegion(Facts f) {
        for (RegionPrefix prefix : f.rule.deniedRegions()) {
            if (prefix.covers(f.merchant().region())) {
                return prefix;
            }
        }
        return null;
    }

    private static boolean belowMin(Facts f) {
        return f.rule.amountMin() != null && f.amount.isLessThan(f.rule.amountMin());
    }

    private static boolean aboveMax(Facts f) {
        return f.rule.amountMax() != null && f.amount.isGreaterThan(f.rule.amountMax());
    }

    /** The allocation-free test behind {@link #installmentProblems}. */
    private static boolean installmentsRefused(Facts f) {
        return f.method != PaymentMethod.HUABEI
                || (f.rule != null && f.rule.installmentCounts() != null && !f.rule.installmentCounts().contains(f.installments))
                || belowInstallmentMinimum(f);
    }

    /** Only a valid amount can be too small to split: an amount of 0.00 is the cashier's typo, nothing else. */
    private static boolean belowInstallmentMinimum(Facts f) {
        return f.amountIsValid() && f.rule != null && f.rule.installmentMinAmount() != null
                && f.amount.isLessThan(f.rule.installmentMinAmount());
    }

    /** Why these installments cannot be offered: COUNT, AMOUNT and/or METHOD; empty when they can. */
    private static List<String> installmentProblems(Facts f) {
        List<String> problems = new ArrayList<>(3);
        if (f.method != PaymentMethod.HUABEI) {
            problems.add("METHOD");
        }
        if (f.rule != null && f.rule.installmentCounts() != null && !f.rule.installmentCounts().contains(f.installments)) {
            problems.add("COUNT");
        }
        if (belowInstallmentMinimum(f)) {
            problems.add("AMOUNT");
        }
        return problems;
    }

    private static EligibilityReason.InstallmentNotAllowed installmentFacts(Facts f) {
        return new EligibilityReason.InstallmentNotAllowed(f.method, f.installments, installmentProblems(f), f.amount,
                f.rule == null ? null : f.rule.installmentCounts(), f.rule == null ? null : f.rule.installmentMinAmount());
    }

    // --- consumer and operation --------------------------------------------------------------

    /** The consumer's money for this method, or {@code null} when the method draws on none we know. */
    private static Money fundsAvailable(Facts f) {
        ConsumerState consumer = f.consumer;
        return switch (f.method) {
            case HUABEI -> consumer.huabeiAvailable();
            case ALIPAY, WECHAT_PAY -> consumer.balance();
            default -> null;
        };
    }

    private static boolean codeMismatch(Facts f) {
        if (!f.method.scansCode()) {
            return true;
        }
        Channel issuer = PaymentCode.issuerOrNull(f.paymentCode);
        return issuer != null && issuer != f.method.channel();
    }

    private static String scannedIssuer(Facts f) {
        Channel issuer = PaymentCode.issuerOrNull(f.paymentCode);
        return issuer == null ? "UNKNOWN" : issuer.name();
    }
}
