package io.shoudan.store.database;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

class DatabaseTest {

    @Nested
    class OnH2 extends DatabaseContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends DatabaseContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
