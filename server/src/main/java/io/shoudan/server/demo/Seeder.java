package io.shoudan.server.demo;

import io.shoudan.merchant.Merchant;
import io.shoudan.server.Application;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.terminal.TerminalModelSpec;
import io.shoudan.terminal.Terminal;

/** Puts a {@link SampleWorld} into the store: models, merchants, terminals, channels and the policy. */
public final class Seeder {

    private final Application app;

    public Seeder(Application app) {
        this.app = app;
    }

    public void seed(SampleWorld world, String policyDocument) {
        app.database().inTransactionDo(tx -> {
            for (SampleWorld.Model model : SampleWorld.MODELS) {
                app.terminalModels().save(new TerminalModelSpec(model.name(), model.capabilities()));
            }
            for (Merchant merchant : world.merchants()) {
                app.merchants().save(merchant);
            }
            for (Terminal terminal : world.terminals()) {
                app.terminals().save(terminal);
            }
            SampleWorld.connections().forEach(app.connections()::save);
        });
        app.policies().saveAndActivate(policyDocument, Operator.SYSTEM, "shipped default policy / 出厂默认策略");
    }
}
