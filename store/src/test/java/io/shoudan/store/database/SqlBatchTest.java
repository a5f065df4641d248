package io.shoudan.store.database;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@link SqlBatch} on PostgreSQL is one round trip and, outside a transaction, one implicit
 * transaction: the sale insert relies on a later statement's failure undoing the earlier ones.
 */
class SqlBatchTest {

    private TestDatabase.FreshDatabase fresh;
    private Database database;

    @BeforeEach
    void open() {
        fresh = TestDatabase.POSTGRESQL.open();
        database = fresh.database();
        database.dsl().execute("CREATE TABLE batch_probe (id INTEGER PRIMARY KEY, note VARCHAR(8))");
    }

    @AfterEach
    void close() throws Exception {
        fresh.close();
    }

    @Test
    void eachStatementReportsItsOwnUpdateCountInOrder() {
        int[] counts = database.dsl().connectionResult(connection -> new SqlBatch()
                .add("INSERT INTO batch_probe (id, note) VALUES (?, ?)", 1, "one")
                .add("INSERT INTO batch_probe (id, note) VALUES (?, ?) ON CONFLICT DO NOTHING", 1, "again")
                .add("INSERT INTO batch_probe (id, note) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM batch_probe WHERE id = ?)", 2,
                        new SqlValue.Null(String.class), 1)
                .execute(connection, JdbcUrl.DatabaseKind.POSTGRESQL));

        assertThat(counts).containsExactly(1, 0, 1);
        assertThat(database.dsl().fetchCount(database.dsl().selectFrom("batch_probe"))).isEqualTo(2);
    }

    @Test
    void aFailingStatementUndoesTheWholeBatchOutsideATransaction() {
        assertThatThrownBy(() -> database.dsl().connectionResult(connection -> {
            assertThat(connection.getAutoCommit()).isTrue();
            return new SqlBatch()
                    .add("INSERT INTO batch_probe (id, note) VALUES (?, ?)", 1, "one")
                    .add("INSERT INTO batch_probe (id, note) VALUES (?, ?)", 2, "two")
                    .add("INSERT INTO batch_probe (id, note) VALUES (?, ?)", 1, "clash")
                    .execute(connection, JdbcUrl.DatabaseKind.POSTGRESQL);
        })).hasRootCauseInstanceOf(SQLException.class);

        assertThat(database.dsl().fetchCount(database.dsl().selectFrom("batch_probe"))).isZero();
    }
}
