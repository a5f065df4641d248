package io.shoudan.store.policy;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class PolicyVersionRepositoryTest {

    @Nested
    class OnH2 extends PolicyVersionRepositoryContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends PolicyVersionRepositoryContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
