package io.shoudan.store.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseConfigTest {

    @ParameterizedTest(name = "--db {0}, SHOUDAN_DB_URL {1} -> {2}")
    @CsvSource({
            "jdbc:postgresql://db:5432/shoudan, jdbc:postgresql://other/x, jdbc:postgresql://db:5432/shoudan",
            ",                                  jdbc:postgresql://other/x, jdbc:postgresql://other/x",
            "'  ',                              jdbc:postgresql://other/x, jdbc:postgresql://other/x",
            ",                                  ,                          jdbc:h2:retry:file:./data/shoudan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;RETENTION_TIME=5000;MAX_COMPACT_TIME=3000;WRITE_DELAY=0",
            ",                                  '',                        jdbc:h2:retry:file:./data/shoudan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;RETENTION_TIME=5000;MAX_COMPACT_TIME=3000;WRITE_DELAY=0",
    })
    void theDbOptionWinsThenTheEnvironmentThenTheEmbeddedFile(String option, String environment, String expected) {
        Map<String, String> env = environment == null ? Map.of() : Map.of(DatabaseConfig.URL_VARIABLE, environment);

        DatabaseConfig config = DatabaseConfig.resolve(Optional.ofNullable(option), env);

        assertThat(config.url().value()).isEqualTo(expected);
    }

    @Test
    void aUrlTheStoreCannotOpenIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> DatabaseConfig.resolve(Optional.of("jdbc:mysql://db/shoudan"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--db: \"jdbc:mysql://db/shoudan\" is not a supported JDBC URL");
        assertThatThrownBy(() -> DatabaseConfig.resolve(Optional.empty(), Map.of(DatabaseConfig.URL_VARIABLE, "postgres://db/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SHOUDAN_DB_URL: \"postgres://db/x\" is not a supported JDBC URL");
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverShowInToString() {
        DatabaseConfig config = DatabaseConfig.resolve(Optional.of("jdbc:postgresql://db/shoudan?password=hunter2"),
                Map.of(DatabaseConfig.USER_VARIABLE, "shoudan", DatabaseConfig.PASSWORD_VARIABLE, "s3cret"));

        assertThat(config.user()).isEqualTo("shoudan");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void anH2UrlKeepsSettingsItGivesAndGetsTheMissingOnes() {
        JdbcUrl url = new JdbcUrl("jdbc:h2:file:/tmp/x;mode=PostgreSQL;AUTO_SERVER=TRUE");

        assertThat(url.value()).isEqualTo("jdbc:h2:retry:file:/tmp/x;mode=PostgreSQL;AUTO_SERVER=TRUE;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;RETENTION_TIME=5000;MAX_COMPACT_TIME=3000;WRITE_DELAY=0");
        assertThat(url.kind()).isEqualTo(JdbcUrl.DatabaseKind.H2);
        assertThat(new JdbcUrl("jdbc:postgresql://127.0.0.1:5432/test").kind()).isEqualTo(JdbcUrl.DatabaseKind.POSTGRESQL);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "jdbc:h2:file:/tmp/x,           jdbc:h2:retry:file:/tmp/x",
            "jdbc:h2:./data/shoudan,        jdbc:h2:retry:./data/shoudan",
            "jdbc:h2:~/shoudan,             jdbc:h2:retry:~/shoudan",
            "jdbc:h2:C:/data/shoudan,       jdbc:h2:retry:C:/data/shoudan",
            "jdbc:h2:retry:file:/tmp/x,     jdbc:h2:retry:file:/tmp/x",
            "jdbc:h2:nio:/tmp/x,            jdbc:h2:nio:/tmp/x",
            "jdbc:h2:tcp://localhost/x,     jdbc:h2:tcp://localhost/x",
            "jdbc:h2:mem:x,                 jdbc:h2:mem:x",
    })
    void anH2FileOnThisDiskIsOpenedSoThatAnInterruptedThreadCannotCloseIt(String given, String opened) {
        assertThat(new JdbcUrl(given).value()).startsWith(opened + ";");
    }

    @Test
    void anH2FileCommitsToItsFileBeforeTheCommitReturnsReusesDeadSpaceAfterFiveSecondsAndAnInMemoryOneNeedsNeither() {
        assertThat(new JdbcUrl("jdbc:h2:file:/tmp/x").value()).endsWith(";WRITE_DELAY=0");
        assertThat(new JdbcUrl("jdbc:h2:file:/tmp/x;write_delay=0").value()).doesNotContain("WRITE_DELAY").endsWith(";write_delay=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;RETENTION_TIME=5000;MAX_COMPACT_TIME=3000");
        assertThat(new JdbcUrl("jdbc:h2:file:/tmp/x;RETENTION_TIME=45000").value()).containsOnlyOnce("RETENTION_TIME");
        assertThat(new JdbcUrl("jdbc:h2:file:/tmp/x;WRITE_DELAY=0;AUTO_SERVER=TRUE").value()).containsOnlyOnce("WRITE_DELAY");
        assertThat(JdbcUrl.inMemory("x").value()).doesNotContain("WRITE_DELAY").doesNotContain("RETENTION_TIME");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:/tmp/x;WRITE_DELAY=500", "jdbc:h2:file:/tmp/x;write_delay=1;AUTO_SERVER=TRUE",
            "jdbc:h2:tcp://localhost/x;WRITE_DELAY=", "jdbc:h2:file:/tmp/x;WRITE_DELAY=-1"})
    void anH2FileThatWouldKeepCommitsInMemoryIsRefusedNamingTheSetting(String text) {
        assertThatThrownBy(() -> new JdbcUrl(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WRITE_DELAY").hasMessageContaining("进程被终止即丢失");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "postgresql://db/x", "jdbc:mysql://db/x", "jdbc:sqlite:x.db"})
    void onlyH2AndPostgreSqlUrlsAreAccepted(String text) {
        assertThatThrownBy(() -> new JdbcUrl(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void aSchemaIsForPostgreSqlOnlyAndMustBeAPlainName() {
        assertThatThrownBy(() -> DatabaseConfig.of(JdbcUrl.inMemory("x")).withSchema("s1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseConfig.of(new JdbcUrl("jdbc:postgresql://db/x")).withSchema("a; drop table x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DatabaseConfig.of(new JdbcUrl("jdbc:postgresql://db/x")).withSchema("shoudan_test_1").schema()).isEqualTo("shoudan_test_1");
    }
}
