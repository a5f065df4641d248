package io.shoudan.store.database;

import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.shoudan.store.database.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class DatabaseContract extends StoreContract {

    /** Every table of the V1 migration, the jOOQ classes generated from it, and the brief. */
    static final List<String> TABLES = List.of(
            "merchants", "merchant_products", "merchant_product_rejections", "merchant_disabled_methods",
            "terminal_models", "terminal_model_capabilities", "terminals", "terminal_enabled_methods", "terminal_faults",
            "policy_versions", "policy_active", "maintenance_windows", "channel_connections",
            "fee_rate_cards", "fee_installment_rates",
            "payments", "refunds", "early_reversals", "ledger_journals", "ledger_postings",
            "idempotency_keys", "outbox", "audit_log",
            "terminal_directory", "terminal_keys", "batch_journal", "card_vault", "master_key_check");

    DatabaseContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
    }

    @Test
    void aFreshDatabaseIsMigratedToTheNewestVersionOnOpen() {
        assertThat(database.migrationsApplied()).isEqualTo(13); // V1–V4, V6, V7, V9–V13 (SQL), V5 and V8 (Java)
        for (String table : TABLES) {
            assertThat(database.dsl().fetchCount(DSL.table(DSL.name(table)))).as(table).isGreaterThanOrEqualTo(0);
        }
        assertThat(database.dsl().meta().getTables().stream().map(t -> t.getName().toLowerCase()).toList())
                .containsAll(TABLES);
    }

    @Test
    void theDialectIsTheDatabasesOwn() {
        assertThat(database.dialect()).isEqualTo(kind() == TestDatabase.H2 ? org.jooq.SQLDialect.H2 : org.jooq.SQLDialect.POSTGRES);
    }

    @Test
    void aTransactionThatThrowsLeavesNothingBehind() {
        assertThatThrownBy(() -> database.inTransactionDo(dsl -> {
            insertAuditRow("first");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(database.dsl().fetchCount(AUDIT_LOG)).isZero();
    }

    @Test
    void repositoryCallsOnTheSameThreadJoinTheSurroundingTransaction() {
        // The inner call uses database.dsl(), not the transaction's context, as repositories do.
        assertThatThrownBy(() -> database.inTransactionDo(outer -> {
            insertAuditRow("joined");
            assertThat(database.dsl().fetchCount(AUDIT_LOG)).isEqualTo(1);
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(database.dsl().fetchCount(AUDIT_LOG)).isZero();
    }

    @Test
    void aCommittedTransactionReturnsItsResultAndKeepsItsRows() {
        int rows = database.inTransaction(dsl -> {
            insertAuditRow("a");
            insertAuditRow("b");
            return dsl.fetchCount(AUDIT_LOG);
        });

        assertThat(rows).isEqualTo(2);
        assertThat(database.dsl().fetchCount(AUDIT_LOG)).isEqualTo(2);
    }

    @Test
    void aFailedNestedTransactionRollsBackOnlyToItsSavepoint() {
        database.inTransactionDo(outer -> {
            insertAuditRow("kept");
            assertThatThrownBy(() -> database.inTransactionDo(inner -> {
                insertAuditRow("dropped");
                throw new IllegalStateException("inner");
            })).isInstanceOf(IllegalStateException.class);
        });

        assertThat(database.dsl().select(AUDIT_LOG.SUBJECT).from(AUDIT_LOG).fetch(AUDIT_LOG.SUBJECT)).containsExactly("test:kept");
    }

    private void insertAuditRow(String id) {
        database.dsl().insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.OCCURRED_AT, java.time.OffsetDateTime.now(clock))
                .set(AUDIT_LOG.ACTOR, "test")
                .set(AUDIT_LOG.ACTION, "TEST")
                .set(AUDIT_LOG.SUBJECT, "test:" + id)
                .execute();
    }
}
