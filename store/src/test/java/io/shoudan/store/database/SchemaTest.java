package io.shoudan.store.database;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class SchemaTest {

    @Nested
    class OnH2 extends SchemaContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends SchemaContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
