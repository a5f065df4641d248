package io.shoudan.reason;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue in code is the public catalogue of contracts/REASONS.md, row for row and in order. */
class ReasonCatalogueTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| `([A-Z_]+\\.[A-Z_]+)` \\| ([A-Z_]+) \\| ([A-Z_]+) \\| ([A-Z_]+) \\| (.*)\\|$");

    record Row(String code, String category, String actor, String retry, boolean blocking) {
    }

    static List<Row> contractRows() throws IOException {
        Path reasons = Path.of(System.getProperty("shoudan.contracts", "../../shared/contracts"), "REASONS.md");
        assertThat(reasons).as("the public contract REASONS.md beside the project").exists();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(reasons)) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                boolean warning = m.group(5).contains("non-blocking");
                rows.add(new Row(m.group(1), m.group(2), m.group(3), m.group(4), !warning));
            }
        }
        return rows;
    }

    @Test
    void everyCodeOfTheContractExistsWithItsCategoryActorRetryAndBlockingInContractOrder() throws IOException {
        List<Row> inCode = Arrays.stream(ReasonCode.values())
                .map(c -> new Row(c.code(), c.category().name(), c.actor().name(), c.retry().name(), c.blocking()))
                .toList();

        // The project may add codes (docs/REASONS.md); the contract's rows all appear, unchanged and in order.
        assertThat(inCode).containsSubsequence(contractRows());
    }

    @Test
    void theProjectsAdditionsAreDocumentedAndNeverRedefineAContractCode() throws IOException {
        List<String> contract = contractRows().stream().map(Row::code).toList();
        String documented = Files.readString(Path.of(System.getProperty("shoudan.project", "../"), "docs", "REASONS.md"));
        for (ReasonCode code : ReasonCode.values()) {
            if (!contract.contains(code.code())) {
                assertThat(documented).as("docs/REASONS.md lists %s", code).contains("`" + code.code() + "`");
            }
        }
    }

    @Test
    void additionsSitInTheirCategory() {
        ReasonCode[] codes = ReasonCode.values();
        for (int i = 1; i < codes.length; i++) {
            assertThat(codes[i].category().ordinal()).as(codes[i].code()).isGreaterThanOrEqualTo(codes[i - 1].category().ordinal());
        }
    }

    @Test
    void codesAreFoundByTheirPublicName() {
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(ReasonCode.ofCode(code.code())).isSameAs(code);
            assertThat(code.code()).startsWith(code.category().name() + ".");
        }
        assertThat(ReasonCode.ofCode("TERMINAL.NO_SUCH_THING")).isNull();
    }
}
