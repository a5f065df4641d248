package io.shoudan.store.outbox;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class OutboxTest {

    @Nested
    class OnH2 extends OutboxContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends OutboxContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
