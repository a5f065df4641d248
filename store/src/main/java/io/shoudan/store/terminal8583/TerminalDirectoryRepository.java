package io.shoudan.store.terminal8583;

import io.shoudan.merchant.MerchantId;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.TerminalDirectoryRecord;
import io.shoudan.terminal.TerminalSn;

import java.time.Clock;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.TERMINAL_DIRECTORY;

/**
 * The ISO 8583 terminal directory: (field 41, field 42) → terminal serial number and merchant. A pair is bound to
 * one terminal and a terminal has one pair (both unique keys), so a POS cannot speak for another terminal.
 */
public final class TerminalDirectoryRepository {

    private final Database database;
    private final Clock clock;

    public TerminalDirectoryRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Binds a POS identity to a terminal. Binding the same triple again changes nothing; a pair already bound to
     * another terminal, or a terminal already bound under another pair, is refused.
     *
     * @throws IllegalStateException when the pair or the terminal is bound differently
     */
    public void bind(PosIdentity pos, TerminalSn terminal, MerchantId merchant) {
        database.inTransactionDo(dsl -> {
            Optional<PosBinding> existing = resolve(pos);
            if (existing.isPresent()) {
                if (existing.get().terminal().equals(terminal) && existing.get().merchant().equals(merchant)) {
                    return;
                }
                throw new IllegalStateException("POS " + pos.terminalId() + "/" + pos.acceptorId() + " is already bound to terminal "
                        + existing.get().terminal().value());
            }
            Optional<PosBinding> other = bindingOf(terminal);
            if (other.isPresent()) {
                throw new IllegalStateException("terminal " + terminal.value() + " is already bound as POS "
                        + other.get().pos().terminalId() + "/" + other.get().pos().acceptorId());
            }
            dsl.insertInto(TERMINAL_DIRECTORY)
                    .set(TERMINAL_DIRECTORY.POS_TERMINAL_ID, pos.terminalId())
                    .set(TERMINAL_DIRECTORY.POS_ACCEPTOR_ID, pos.acceptorId())
                    .set(TERMINAL_DIRECTORY.TERMINAL_SN, terminal.value())
                    .set(TERMINAL_DIRECTORY.MERCHANT_ID, merchant.value())
                    .set(TERMINAL_DIRECTORY.CREATED_AT, StoreTime.now(clock))
                    .execute();
        });
    }

    public Optional<PosBinding> resolve(PosIdentity pos) {
        return database.dsl().selectFrom(TERMINAL_DIRECTORY)
                .where(TERMINAL_DIRECTORY.POS_TERMINAL_ID.eq(pos.terminalId()), TERMINAL_DIRECTORY.POS_ACCEPTOR_ID.eq(pos.acceptorId()))
                .fetchOptional()
                .map(TerminalDirectoryRepository::binding);
    }

    public Optional<PosBinding> bindingOf(TerminalSn terminal) {
        return database.dsl().selectFrom(TERMINAL_DIRECTORY)
                .where(TERMINAL_DIRECTORY.TERMINAL_SN.eq(terminal.value()))
                .fetchOptional()
                .map(TerminalDirectoryRepository::binding);
    }

    public int count() {
        return database.dsl().fetchCount(TERMINAL_DIRECTORY);
    }

    private static PosBinding binding(TerminalDirectoryRecord r) {
        return new PosBinding(new PosIdentity(r.getPosTerminalId(), r.getPosAcceptorId()), new TerminalSn(r.getTerminalSn()),
                new MerchantId(r.getMerchantId()));
    }
}
