package io.shoudan.server.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @Test
    void aSalesCountOutOfRangeIsAClearError() {
        Cli cli = Cli.run("demo", "--sales", "5");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--sales: must be from 100 to 200000, got 5");
    }

    @Test
    void aSeedThatIsNotANumberIsAUsageError() {
        assertThat(Cli.run("demo", "--seed", "abc").exitCode()).isEqualTo(2);
    }
}
