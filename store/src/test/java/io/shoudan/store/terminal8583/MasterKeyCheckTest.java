package io.shoudan.store.terminal8583;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class MasterKeyCheckTest {

    @Nested
    class OnH2 extends MasterKeyCheckContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends MasterKeyCheckContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
