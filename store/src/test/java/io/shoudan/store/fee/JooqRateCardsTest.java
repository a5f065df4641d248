package io.shoudan.store.fee;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class JooqRateCardsTest {

    @Nested
    class OnH2 extends JooqRateCardsContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends JooqRateCardsContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
