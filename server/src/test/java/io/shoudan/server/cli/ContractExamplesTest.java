package io.shoudan.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public example of the diagnose contract (version 2, copied into this module's test resources
 * as data) gives exactly its expected answer: supported, codes in order, alternatives.
 */
class ContractExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path examples() {
        Path dir = Path.of("src", "test", "resources", "io", "shoudan", "server", "contract", "examples");
        assertThat(dir).as("the contract's examples in the test resources").isDirectory();
        return dir;
    }

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(examples())) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .sorted().toList();
            assertThat(list).as("examples 01-13 of contract version 2").hasSize(13);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theVerdictIsExactlyTheExpectedOne(Path scenario) throws IOException {
        Path expectedFile = Path.of(scenario.toString().replace(".json", ".expected.json"));
        JsonNode expected = JSON.readTree(expectedFile.toFile());

        Cli cli = Cli.run("diagnose", "--scenario", scenario.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode verdict = JSON.readTree(cli.out());
        assertThat(verdict.get("supported")).isEqualTo(expected.get("supported"));
        assertThat(codes(verdict)).isEqualTo(texts(expected.get("codes")));
        assertThat(texts(verdict.get("alternatives"))).isEqualTo(texts(expected.get("alternatives")));
    }

    @Test
    void theWholeFolderIsAnsweredOneLinePerFileInNameOrderSkippingExpectedAnswers() throws IOException {
        Cli cli = Cli.run("diagnose", "--scenario", examples().toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> names = new ArrayList<>();
        for (String line : cli.outLines()) {
            names.add(JSON.readTree(line).get("scenario").asText());
        }
        assertThat(names).isEqualTo(scenarios().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void everyReasonCarriesTheContractFields() throws IOException {
        Path scenario = examples().resolve("03-individual-merchant-low-rating.json");

        JsonNode reason = JSON.readTree(Cli.run("diagnose", "--scenario", scenario.toString()).out()).get("reasons").get(0);

        assertThat(reason.get("code").asText()).isEqualTo("MERCHANT.TYPE_NOT_ELIGIBLE");
        assertThat(reason.get("category").asText()).isEqualTo("MERCHANT");
        assertThat(reason.get("actor").asText()).isEqualTo("MERCHANT");
        assertThat(reason.get("blocking").asBoolean()).isTrue();
        assertThat(reason.get("retry").asText()).isEqualTo("AFTER_FIX");
        assertThat(reason.get("message").get("zh").asText()).contains("花呗").contains("小微商户");
        assertThat(reason.get("message").get("en").asText()).contains("Huabei").contains("individual");
        assertThat(reason.get("remedy").get("zh").asText()).isNotBlank();
        assertThat(reason.get("remedy").get("en").asText()).isNotBlank();
        assertThat(reason.get("evidence").get("type").asText()).isEqualTo("INDIVIDUAL");
        assertThat(texts(reason.get("evidence").get("allowed"))).containsExactly("INDIVIDUAL_BUSINESS", "ENTERPRISE");
    }

    private static List<String> codes(JsonNode verdict) {
        List<String> codes = new ArrayList<>();
        verdict.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
