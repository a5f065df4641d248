package io.shoudan.store.testing;

import io.shoudan.store.database.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;

/**
 * Base of every repository test: each test gets a fresh database of the kind its subclass names
 * and a test clock. Each repository test class nests two subclasses, {@code OnH2} and
 * {@code OnPostgreSql}, so the same tests run on both databases.
 */
public abstract class StoreContract {

    /** 2026-11-23 10:00 in Shanghai. */
    public static final Instant START = Instant.parse("2026-11-23T02:00:00Z");

    private final TestDatabase kind;
    private TestDatabase.FreshDatabase fresh;
    protected Database database;
    protected TestClock clock;

    protected StoreContract(TestDatabase kind) {
        this.kind = kind;
    }

    protected TestDatabase kind() {
        return kind;
    }

    @BeforeEach
    void openFreshDatabase() {
        fresh = kind.open();
        database = fresh.database();
        clock = new TestClock(START);
        createRepositories();
    }

    /** Builds the repositories under test on {@link #database} and {@link #clock}. */
    protected abstract void createRepositories();

    @AfterEach
    void dropDatabase() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }
}
