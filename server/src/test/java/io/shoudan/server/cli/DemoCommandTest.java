package io.shoudan.server.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("shoudan.examples", "../examples"));

    @Test
    void theDemoAnswersEveryShippedExampleAndWorksThreeDiagnosesInBothLanguages() {
        Cli cli = Cli.run("demo", "--examples", EXAMPLES.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("01-huabei-3-installments-ok.json").contains("10-cashier-typed-zero.json")
                .contains("MERCHANT.TYPE_NOT_ELIGIBLE").contains("OPERATION.CODE_METHOD_MISMATCH")
                .contains("结论：不支持").contains("Verdict: NOT supported");
        assertThat(cli.out().split("────────").length - 1).isEqualTo(3 * 2 * 2);
    }

    @Test
    void aMissingExamplesFolderIsAClearError() {
        Cli cli = Cli.run("demo", "--examples", "/nonexistent/examples");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no examples folder");
    }
}
