package io.shoudan.server.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A command that cannot do its work says why on one line, naming what to fix; no stack trace reaches its user. */
class CommandFailureTest {

    @Test
    void aStoreUrlTheStoreCannotUseIsRefusedOnOneLineNamingTheOption() {
        Cli cli = Cli.run("ledger", "check", "--db", "jdbc:mysql://db/shoudan");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.errLines()).singleElement().asString()
                .startsWith("shoudan ledger check: --db: \"jdbc:mysql://db/shoudan\" is not a supported JDBC URL")
                .contains("不支持的数据库地址");
    }

    @Test
    void aStoreThatCannotBeReachedFailsOnOneLineWithItsAddress() {
        // nothing listens on port 1 here
        Cli cli = Cli.run("diagnose", "--payment", "P-1", "--db", "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().asString()
                .startsWith("shoudan diagnose: cannot connect to the store at jdbc:postgresql://127.0.0.1:1/test")
                .contains("无法连接数据库");
    }
}
