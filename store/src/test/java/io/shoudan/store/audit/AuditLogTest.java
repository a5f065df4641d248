package io.shoudan.store.audit;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class AuditLogTest {

    @Nested
    class OnH2 extends AuditLogContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends AuditLogContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
