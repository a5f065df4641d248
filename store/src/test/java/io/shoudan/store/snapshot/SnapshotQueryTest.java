package io.shoudan.store.snapshot;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class SnapshotQueryTest {

    @Nested
    class OnH2 extends SnapshotQueryContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends SnapshotQueryContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
