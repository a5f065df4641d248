package io.shoudan.store.merchant;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class MerchantRepositoryTest {

    @Nested
    class OnH2 extends MerchantRepositoryContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends MerchantRepositoryContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
