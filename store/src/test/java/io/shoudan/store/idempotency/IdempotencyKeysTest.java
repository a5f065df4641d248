package io.shoudan.store.idempotency;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class IdempotencyKeysTest {

    @Nested
    class OnH2 extends IdempotencyKeysContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends IdempotencyKeysContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
