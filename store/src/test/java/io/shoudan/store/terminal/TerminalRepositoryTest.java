package io.shoudan.store.terminal;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class TerminalRepositoryTest {

    @Nested
    class OnH2 extends TerminalRepositoryContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends TerminalRepositoryContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
