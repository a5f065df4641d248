package io.shoudan.store.terminal;

import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.TerminalModel;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.shoudan.store.database.schema.Tables.TERMINAL_MODELS;
import static io.shoudan.store.database.schema.Tables.TERMINAL_MODEL_CAPABILITIES;

/** Terminal models and their capabilities; terminals take their hardware from here. */
public final class TerminalModelRepository {

    private final Database database;
    private final Clock clock;

    public TerminalModelRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Registers the model or replaces its capabilities. */
    public void save(TerminalModelSpec spec) {
        String model = spec.model().name();
        database.inTransactionDo(dsl -> {
            if (!dsl.fetchExists(TERMINAL_MODELS, TERMINAL_MODELS.MODEL.eq(model))) {
                dsl.insertInto(TERMINAL_MODELS)
                        .set(TERMINAL_MODELS.MODEL, model)
                        .set(TERMINAL_MODELS.CREATED_AT, StoreTime.now(clock))
                        .execute();
            }
            dsl.deleteFrom(TERMINAL_MODEL_CAPABILITIES).where(TERMINAL_MODEL_CAPABILITIES.MODEL.eq(model)).execute();
            for (Capability capability : spec.capabilities()) {
                dsl.insertInto(TERMINAL_MODEL_CAPABILITIES)
                        .set(TERMINAL_MODEL_CAPABILITIES.MODEL, model)
                        .set(TERMINAL_MODEL_CAPABILITIES.CAPABILITY, capability.name())
                        .execute();
            }
        });
    }

    public Optional<TerminalModelSpec> find(TerminalModel model) {
        return find(database.dsl(), model);
    }

    static Optional<TerminalModelSpec> find(DSLContext dsl, TerminalModel model) {
        if (!dsl.fetchExists(TERMINAL_MODELS, TERMINAL_MODELS.MODEL.eq(model.name()))) {
            return Optional.empty();
        }
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        dsl.select(TERMINAL_MODEL_CAPABILITIES.CAPABILITY)
                .from(TERMINAL_MODEL_CAPABILITIES)
                .where(TERMINAL_MODEL_CAPABILITIES.MODEL.eq(model.name()))
                .forEach(r -> capabilities.add(Capability.valueOf(r.value1())));
        return Optional.of(new TerminalModelSpec(model, capabilities));
    }

    /** Every model, by name. */
    public List<TerminalModelSpec> list() {
        return database.inTransaction(dsl -> {
            Map<String, Set<Capability>> byModel = new LinkedHashMap<>();
            dsl.select(TERMINAL_MODELS.MODEL).from(TERMINAL_MODELS).orderBy(TERMINAL_MODELS.MODEL)
                    .forEach(r -> byModel.put(r.value1(), EnumSet.noneOf(Capability.class)));
            dsl.select(TERMINAL_MODEL_CAPABILITIES.MODEL, TERMINAL_MODEL_CAPABILITIES.CAPABILITY)
                    .from(TERMINAL_MODEL_CAPABILITIES)
                    .forEach(r -> byModel.get(r.value1()).add(Capability.valueOf(r.value2())));
            return byModel.entrySet().stream()
                    .map(e -> new TerminalModelSpec(new TerminalModel(e.getKey()), e.getValue()))
                    .toList();
        });
    }
}
