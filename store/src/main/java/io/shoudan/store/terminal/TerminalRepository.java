package io.shoudan.store.terminal;

import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.RegionCode;
import io.shoudan.method.PaymentMethod;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.TerminalsRecord;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.shoudan.store.database.schema.Tables.MERCHANTS;
import static io.shoudan.store.database.schema.Tables.TERMINALS;
import static io.shoudan.store.database.schema.Tables.TERMINAL_ENABLED_METHODS;
import static io.shoudan.store.database.schema.Tables.TERMINAL_FAULTS;
import static io.shoudan.store.database.schema.Tables.TERMINAL_MODEL_CAPABILITIES;

/**
 * Terminals: firmware, protocol, settings, merchant binding, regions, keys and liveness. A
 * terminal's capabilities are its model's ({@link TerminalModelRepository}); they are not stored
 * twice, so a terminal saved with other capabilities than its model's is refused.
 */
public final class TerminalRepository {

    private final Database database;
    private final Clock clock;

    public TerminalRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Creates the terminal or replaces everything stored about it, in one transaction.
     *
     * @throws IllegalArgumentException when its model is not registered or has other capabilities,
     *                                  or when its merchant does not exist
     */
    public void save(Terminal terminal) {
        OffsetDateTime now = StoreTime.now(clock);
        String sn = terminal.sn().value();
        database.inTransactionDo(dsl -> {
            TerminalModelSpec model = TerminalModelRepository.find(dsl, terminal.model()).orElseThrow(() ->
                    new IllegalArgumentException("terminal model " + terminal.model() + " is not registered / 终端型号未登记: "
                            + terminal.model()));
            if (!model.capabilities().equals(terminal.capabilities())) {
                throw new IllegalArgumentException("terminal " + sn + " claims capabilities " + terminal.capabilities()
                        + " but model " + terminal.model() + " has " + model.capabilities());
            }
            if (!dsl.fetchExists(MERCHANTS, MERCHANTS.MERCHANT_ID.eq(terminal.merchantId().value()))) {
                throw new IllegalArgumentException("terminal " + sn + " is bound to merchant " + terminal.merchantId()
                        + ", which does not exist / 终端绑定的商户不存在: " + terminal.merchantId());
            }
            int updated = dsl.update(TERMINALS)
                    .set(TERMINALS.MERCHANT_ID, terminal.merchantId().value())
                    .set(TERMINALS.MODEL, terminal.model().name())
                    .set(TERMINALS.FIRMWARE_VERSION, terminal.firmware().toString())
                    .set(TERMINALS.PROTOCOL_VERSION, terminal.protocolVersion())
                    .set(TERMINALS.STATUS, terminal.status().name())
                    .set(TERMINALS.SIGNED_ON, terminal.signedOn())
                    .set(TERMINALS.KEYS_EXPIRE_AT, StoreTime.toDatabase(terminal.keysExpireAt()))
                    .set(TERMINALS.REGISTERED_REGION, terminal.registeredRegion().value())
                    .set(TERMINALS.OBSERVED_REGION, region(terminal.observedRegion()))
                    .set(TERMINALS.LAST_SEEN_AT, StoreTime.toDatabase(terminal.lastSeenAt()))
                    .set(TERMINALS.PARAMETER_VERSION, terminal.parameterVersion())
                    .set(TERMINALS.UPDATED_AT, now)
                    .set(TERMINALS.ROW_VERSION, TERMINALS.ROW_VERSION.plus(1))
                    .where(TERMINALS.TERMINAL_SN.eq(sn))
                    .execute();
            if (updated == 0) {
                dsl.insertInto(TERMINALS)
                        .set(TERMINALS.TERMINAL_SN, sn)
                        .set(TERMINALS.MERCHANT_ID, terminal.merchantId().value())
                        .set(TERMINALS.MODEL, terminal.model().name())
                        .set(TERMINALS.FIRMWARE_VERSION, terminal.firmware().toString())
                        .set(TERMINALS.PROTOCOL_VERSION, terminal.protocolVersion())
                        .set(TERMINALS.STATUS, terminal.status().name())
                        .set(TERMINALS.SIGNED_ON, terminal.signedOn())
                        .set(TERMINALS.KEYS_EXPIRE_AT, StoreTime.toDatabase(terminal.keysExpireAt()))
                        .set(TERMINALS.REGISTERED_REGION, terminal.registeredRegion().value())
                        .set(TERMINALS.OBSERVED_REGION, region(terminal.observedRegion()))
                        .set(TERMINALS.LAST_SEEN_AT, StoreTime.toDatabase(terminal.lastSeenAt()))
                        .set(TERMINALS.PARAMETER_VERSION, terminal.parameterVersion())
                        .set(TERMINALS.CREATED_AT, now)
                        .set(TERMINALS.UPDATED_AT, now)
                        .set(TERMINALS.ROW_VERSION, 1)
                        .execute();
            }
            dsl.deleteFrom(TERMINAL_ENABLED_METHODS).where(TERMINAL_ENABLED_METHODS.TERMINAL_SN.eq(sn)).execute();
            for (PaymentMethod method : terminal.enabledMethods()) {
                dsl.insertInto(TERMINAL_ENABLED_METHODS)
                        .set(TERMINAL_ENABLED_METHODS.TERMINAL_SN, sn)
                        .set(TERMINAL_ENABLED_METHODS.PAYMENT_METHOD, method.name())
                        .execute();
            }
            writeFaults(dsl, sn, terminal.faults());
        });
    }

    /**
     * The terminal's status upload: the parameter set version it holds and the devices it reports as
     * faulty (an empty set: all working). Nothing else of the terminal changes.
     *
     * @return false when there is no such terminal
     */
    public boolean recordStatusUpload(TerminalSn sn, Integer parameterVersion, Set<Capability> faults) {
        return database.inTransaction(dsl -> {
            int updated = dsl.update(TERMINALS)
                    .set(TERMINALS.PARAMETER_VERSION, parameterVersion)
                    .set(TERMINALS.UPDATED_AT, StoreTime.now(clock))
                    .set(TERMINALS.ROW_VERSION, TERMINALS.ROW_VERSION.plus(1))
                    .where(TERMINALS.TERMINAL_SN.eq(sn.value()))
                    .execute();
            if (updated == 1) {
                writeFaults(dsl, sn.value(), faults);
            }
            return updated == 1;
        });
    }

    /**
     * Puts the terminal into {@code status} (e.g. UPDATING while a firmware update installs, ACTIVE when it ends).
     *
     * @return false when there is no such terminal
     */
    public boolean setStatus(TerminalSn sn, TerminalStatus status) {
        return database.dsl().update(TERMINALS)
                .set(TERMINALS.STATUS, status.name())
                .set(TERMINALS.UPDATED_AT, StoreTime.now(clock))
                .set(TERMINALS.ROW_VERSION, TERMINALS.ROW_VERSION.plus(1))
                .where(TERMINALS.TERMINAL_SN.eq(sn.value()))
                .execute() == 1;
    }

    private static void writeFaults(DSLContext dsl, String sn, Set<Capability> faults) {
        dsl.deleteFrom(TERMINAL_FAULTS).where(TERMINAL_FAULTS.TERMINAL_SN.eq(sn)).execute();
        for (Capability fault : faults) {
            dsl.insertInto(TERMINAL_FAULTS)
                    .set(TERMINAL_FAULTS.TERMINAL_SN, sn)
                    .set(TERMINAL_FAULTS.CAPABILITY, fault.name())
                    .execute();
        }
    }

    /**
     * One query (the terminal joined with its model's capabilities and its enabled methods) and no
     * transaction: a sale reads this on every request, and a transaction around several reads would
     * only add a commit round trip — under READ COMMITTED it would not make them one snapshot anyway.
     */
    public Optional<Terminal> find(TerminalSn sn) {
        TerminalsRecord row = null;
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        Set<PaymentMethod> methods = EnumSet.noneOf(PaymentMethod.class);
        for (Record record : database.dsl().select(TERMINALS.fields())
                .select(TERMINAL_MODEL_CAPABILITIES.CAPABILITY, TERMINAL_ENABLED_METHODS.PAYMENT_METHOD)
                .from(TERMINALS)
                .leftJoin(TERMINAL_MODEL_CAPABILITIES).on(TERMINAL_MODEL_CAPABILITIES.MODEL.eq(TERMINALS.MODEL))
                .leftJoin(TERMINAL_ENABLED_METHODS).on(TERMINAL_ENABLED_METHODS.TERMINAL_SN.eq(TERMINALS.TERMINAL_SN))
                .where(TERMINALS.TERMINAL_SN.eq(sn.value()))
                .fetch()) {
            row = row == null ? record.into(TERMINALS) : row;
            String capability = record.get(TERMINAL_MODEL_CAPABILITIES.CAPABILITY);
            if (capability != null) {
                capabilities.add(Capability.valueOf(capability));
            }
            String method = record.get(TERMINAL_ENABLED_METHODS.PAYMENT_METHOD);
            if (method != null) {
                methods.add(PaymentMethod.valueOf(method));
            }
        }
        return row == null ? Optional.empty() : Optional.of(toTerminal(row, capabilities, methods, faults(database.dsl(), sn.value())));
    }

    /** The merchant's terminals, by serial number. */
    public List<Terminal> forMerchant(MerchantId merchantId) {
        return database.inTransaction(dsl -> {
            List<TerminalsRecord> rows = dsl.selectFrom(TERMINALS)
                    .where(TERMINALS.MERCHANT_ID.eq(merchantId.value()))
                    .orderBy(TERMINALS.TERMINAL_SN)
                    .fetch();
            Map<String, Set<PaymentMethod>> methods = enabledMethods(dsl, rows.stream().map(TerminalsRecord::getTerminalSn).toList());
            Map<String, Set<Capability>> capabilitiesByModel = new HashMap<>();
            List<Terminal> terminals = new ArrayList<>(rows.size());
            for (TerminalsRecord row : rows) {
                Set<Capability> capabilities = capabilitiesByModel.computeIfAbsent(row.getModel(), m -> capabilities(dsl, m));
                terminals.add(toTerminal(row, capabilities, methods.get(row.getTerminalSn()), faults(dsl, row.getTerminalSn())));
            }
            return terminals;
        });
    }

    /**
     * The terminal spoke: remember when and, if it reported one, where.
     *
     * @param observedRegion {@code null}: the message carried no location; the last one is kept
     * @return false when there is no such terminal
     */
    public boolean recordSeen(TerminalSn sn, OffsetDateTime at, RegionCode observedRegion) {
        var update = database.dsl().update(TERMINALS)
                .set(TERMINALS.LAST_SEEN_AT, StoreTime.toDatabase(at))
                .set(TERMINALS.UPDATED_AT, StoreTime.now(clock));
        if (observedRegion != null) {
            update = update.set(TERMINALS.OBSERVED_REGION, observedRegion.value());
        }
        return update.where(TERMINALS.TERMINAL_SN.eq(sn.value())).execute() == 1;
    }

    /**
     * The terminal signed on (8583 0800) and received working keys valid until {@code keysExpireAt}.
     *
     * @return false when there is no such terminal
     */
    public boolean recordSignOn(TerminalSn sn, OffsetDateTime at, OffsetDateTime keysExpireAt) {
        return database.dsl().update(TERMINALS)
                .set(TERMINALS.SIGNED_ON, true)
                .set(TERMINALS.KEYS_EXPIRE_AT, StoreTime.toDatabase(keysExpireAt))
                .set(TERMINALS.LAST_SEEN_AT, StoreTime.toDatabase(at))
                .set(TERMINALS.UPDATED_AT, StoreTime.now(clock))
                .set(TERMINALS.ROW_VERSION, TERMINALS.ROW_VERSION.plus(1))
                .where(TERMINALS.TERMINAL_SN.eq(sn.value()))
                .execute() == 1;
    }

    /** The terminal signed off or its session was dropped: it must sign on again before trading. */
    public boolean recordSignOff(TerminalSn sn) {
        return database.dsl().update(TERMINALS)
                .set(TERMINALS.SIGNED_ON, false)
                .set(TERMINALS.UPDATED_AT, StoreTime.now(clock))
                .set(TERMINALS.ROW_VERSION, TERMINALS.ROW_VERSION.plus(1))
                .where(TERMINALS.TERMINAL_SN.eq(sn.value()))
                .execute() == 1;
    }

    public int count() {
        return database.dsl().fetchCount(TERMINALS);
    }

    private static Map<String, Set<PaymentMethod>> enabledMethods(DSLContext dsl, List<String> sns) {
        Map<String, Set<PaymentMethod>> methods = new HashMap<>();
        if (sns.isEmpty()) {
            return methods;
        }
        dsl.select(TERMINAL_ENABLED_METHODS.TERMINAL_SN, TERMINAL_ENABLED_METHODS.PAYMENT_METHOD)
                .from(TERMINAL_ENABLED_METHODS)
                .where(TERMINAL_ENABLED_METHODS.TERMINAL_SN.in(sns))
                .forEach(r -> methods.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(PaymentMethod.class))
                        .add(PaymentMethod.valueOf(r.value2())));
        return methods;
    }

    private static Set<Capability> faults(DSLContext dsl, String sn) {
        return capabilitiesIn(dsl, TERMINAL_FAULTS.CAPABILITY, TERMINAL_FAULTS.TERMINAL_SN.eq(sn));
    }

    private static Set<Capability> capabilities(DSLContext dsl, String model) {
        return capabilitiesIn(dsl, TERMINAL_MODEL_CAPABILITIES.CAPABILITY, TERMINAL_MODEL_CAPABILITIES.MODEL.eq(model));
    }

    /** The capabilities a table's {@code column} holds for the rows {@code where} selects. */
    private static Set<Capability> capabilitiesIn(DSLContext dsl, TableField<?, String> column, Condition where) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        dsl.select(column).from(column.getTable()).where(where).forEach(r -> capabilities.add(Capability.valueOf(r.value1())));
        return capabilities;
    }

    /** The terminal a stored row describes, with its model's capabilities, its enabled methods and its faults. */
    public static Terminal toTerminal(TerminalsRecord row, Set<Capability> capabilities, Set<PaymentMethod> enabledMethods,
                                      Set<Capability> faults) {
        return new Terminal(
                new TerminalSn(row.getTerminalSn()),
                new MerchantId(row.getMerchantId()),
                new TerminalModel(row.getModel()),
                capabilities,
                FirmwareVersion.parse(row.getFirmwareVersion()),
                row.getProtocolVersion(),
                TerminalStatus.valueOf(row.getStatus()),
                row.getSignedOn(),
                StoreTime.fromDatabase(row.getKeysExpireAt()),
                new RegionCode(row.getRegisteredRegion()),
                row.getObservedRegion() == null ? null : new RegionCode(row.getObservedRegion()),
                StoreTime.fromDatabase(row.getLastSeenAt()),
                enabledMethods,
                row.getParameterVersion(),
                faults);
    }

    private static String region(RegionCode region) {
        return region == null ? null : region.value();
    }
}
