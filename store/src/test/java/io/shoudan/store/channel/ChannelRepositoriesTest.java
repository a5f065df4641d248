package io.shoudan.store.channel;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The same specification on both databases the store runs on. */
class ChannelRepositoriesTest {

    @Nested
    class OnH2 extends ChannelRepositoriesContract {
        OnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OnPostgreSql extends ChannelRepositoriesContract {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }
}
