package io.shoudan.store.database;

import io.shoudan.store.audit.AuditAction;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.AuditSubject;
import io.shoudan.store.audit.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default is a file: it survives a restart, and a restart migrates nothing twice. */
class ReopeningTest {

    @Test
    void anEmbeddedFileStoreKeepsItsRowsAndIsNotMigratedAgain(@TempDir Path directory) {
        DatabaseConfig config = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan")));
        try (Database first = Database.open(config)) {
            assertThat(first.migrationsApplied()).isEqualTo(11); // V1–V4, V6, V7, V9–V11 (SQL), V5 and V8 (Java)
            new AuditLog(first, Clock.systemUTC()).append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"),
                    new AuditSubject("test", "1"), null, null);
        }
        assertThat(Files.exists(directory.resolve("shoudan.mv.db"))).isTrue();

        try (Database second = Database.open(config)) {
            assertThat(second.migrationsApplied()).isZero();
            assertThat(new AuditLog(second, Clock.systemUTC()).recent(10)).hasSize(1);
        }
    }

    @Test
    void anUnreachableStoreFailsNamingTheUrlWithoutItsPassword() {
        DatabaseConfig config = DatabaseConfig.of(new JdbcUrl("jdbc:postgresql://127.0.0.1:1/none?password=hunter2&connectTimeout=1"));

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("hunter2");
    }
}
