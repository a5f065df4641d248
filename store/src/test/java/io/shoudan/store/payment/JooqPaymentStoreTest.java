package io.shoudan.store.payment;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** Core's {@code PaymentStoreContract} and the store's own cases, on both databases the store runs on. */
class JooqPaymentStoreTest {

    @Nested
    class OnH2 extends JooqPaymentStoreContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends JooqPaymentStoreContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
