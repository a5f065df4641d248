package io.shoudan.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

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

    @Test
    void aSecondRunKeepsTheFirstDayAndEachPrintsCommandsThatReadItsOwnStore(@TempDir Path data) {
        Cli first = Cli.run("demo", "--sales", "100", "--data", data.toString());
        Cli second = Cli.run("demo", "--sales", "100", "--data", data.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.out()).contains("store 存储: " + data.resolve("demo/day-20261123.mv.db").toAbsolutePath());
        assertThat(second.out()).contains("store 存储: " + data.resolve("demo/day-20261123-2.mv.db").toAbsolutePath());
        List<String> commands = first.outLines().stream().map(String::strip).filter(line -> line.startsWith("./shoudan ")).toList();
        assertThat(commands).hasSize(3);
        for (String command : commands) {
            Cli pasted = Cli.run(command.substring("./shoudan ".length()).split(" "));
            assertThat(pasted.exitCode()).as(command + "\n" + pasted.err()).isZero();
            assertThat(pasted.out()).as(command).isNotBlank();
        }
        assertThat(Cli.run(commands.getFirst().substring("./shoudan ".length()).split(" ")).out())
                .contains("Payment P-D1-").contains("State: DECLINED");
    }
}
