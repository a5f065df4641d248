package io.shoudan.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import io.shoudan.money.Money;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import java.util.List;
import io.shoudan.sandbox.Script.Action;

class MoneyConservationProperties {

    /** Guards the property against being vacuous: a script like the generated ones really moves money. */
    @Example
    void aGeneratedScriptReallyPaysRefundsAndCancels() {
        Script script = new Script(3);
        java.util.Random random = new java.util.Random(3);
        Script.Kind[] kinds = Script.Kind.values();
        int moved = 0;
        Money before = script.sandbox().consumers().fundsTotal();
        for (int i = 0; i < 400; i++) {
            script.run(new Action(kinds[random.nextInt(kinds.length)], random.nextInt(8), random.nextInt(50),
                    1 + random.nextInt(150_000)));
            Money now = script.sandbox().consumers().fundsTotal();
            moved += now.equals(before) ? 0 : 1;
            before = now;
        }

        assertThat(moved).isGreaterThan(40);
        assertThat(script.sandbox().fundsTotal()).isEqualTo(script.registeredFunds());
    }

    @Provide
    static Arbitrary<Script.Action> actions() {
        return Combinators.combine(
                Arbitraries.of(Script.Kind.class),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 50),
                // 0.01 to 1,500.00: below and above the password thresholds and the balances.
                Arbitraries.longs().between(1, 150_000)).as(Script.Action::new);
    }

    @Property(tries = 200)
    void consumersFundsPlusMerchantsReceiptsPlusChannelFeesNeverChange(
            @ForAll long seed, @ForAll @Size(min = 1, max = 80) List<@From("actions") Action> actions) {
        Script script = new Script(seed);

        for (Script.Action action : actions) {
            String seen = script.run(action);
            assertThat(script.sandbox().fundsTotal())
                    .as("after %s -> %s", action, seen)
                    .isEqualTo(script.registeredFunds());
        }
    }
}
