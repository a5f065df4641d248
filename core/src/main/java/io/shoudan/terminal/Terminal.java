package io.shoudan.terminal;

import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.RegionCode;
import io.shoudan.method.PaymentMethod;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A POS terminal as the eligibility rules see it.
 *
 * @param keysExpireAt   when the working keys expire; {@code null}: not checked
 * @param observedRegion where the terminal was last located; {@code null}: not checked
 * @param lastSeenAt     last message from the terminal; {@code null}: not checked
 * @param enabledMethods methods switched on in the terminal's settings (POS 设置)
 * @param parameterVersion the version of the parameter set the terminal holds; {@code null}: not checked
 * @param faults         capabilities the terminal reported as faulty in its last status upload
 */
public record Terminal(
        TerminalSn sn,
        MerchantId merchantId,
        TerminalModel model,
        Set<Capability> capabilities,
        FirmwareVersion firmware,
        int protocolVersion,
        TerminalStatus status,
        boolean signedOn,
        OffsetDateTime keysExpireAt,
        RegionCode registeredRegion,
        RegionCode observedRegion,
        OffsetDateTime lastSeenAt,
        Set<PaymentMethod> enabledMethods,
        Integer parameterVersion,
        Set<Capability> faults) {

    /** A terminal without parameter version or faults: those checks are not made. */
    public Terminal(TerminalSn sn, MerchantId merchantId, TerminalModel model, Set<Capability> capabilities,
                    FirmwareVersion firmware, int protocolVersion, TerminalStatus status, boolean signedOn,
                    OffsetDateTime keysExpireAt, RegionCode registeredRegion, RegionCode observedRegion,
                    OffsetDateTime lastSeenAt, Set<PaymentMethod> enabledMethods) {
        this(sn, merchantId, model, capabilities, firmware, protocolVersion, status, signedOn, keysExpireAt,
                registeredRegion, observedRegion, lastSeenAt, enabledMethods, null, null);
    }

    public Terminal {
        if (sn == null || merchantId == null || model == null || firmware == null || status == null
                || registeredRegion == null) {
            throw new IllegalArgumentException("terminal sn, merchantId, model, firmware, status and registeredRegion are required");
        }
        if (protocolVersion < 0) {
            throw new IllegalArgumentException("protocolVersion must not be negative, got " + protocolVersion);
        }
        capabilities = Collections.unmodifiableSet(capabilities == null || capabilities.isEmpty()
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities));
        enabledMethods = Collections.unmodifiableSet(enabledMethods == null || enabledMethods.isEmpty()
                ? EnumSet.noneOf(PaymentMethod.class) : EnumSet.copyOf(enabledMethods));
        if (parameterVersion != null && parameterVersion < 0) {
            throw new IllegalArgumentException("parameterVersion must not be negative, got " + parameterVersion);
        }
        faults = Collections.unmodifiableSet(faults == null || faults.isEmpty()
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(faults));
    }

    /** This terminal with another status, e.g. while a firmware update installs. */
    public Terminal withStatus(TerminalStatus newStatus) {
        return new Terminal(sn, merchantId, model, capabilities, firmware, protocolVersion, newStatus, signedOn,
                keysExpireAt, registeredRegion, observedRegion, lastSeenAt, enabledMethods, parameterVersion, faults);
    }
}
