package io.shoudan.server.cli;

import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.eligibility.Verdict;
import io.shoudan.reason.Lang;
import io.shoudan.server.json.InvalidInputException;
import io.shoudan.server.scenario.Scenario;
import io.shoudan.server.scenario.ScenarioReader;
import io.shoudan.server.scenario.VerdictJson;
import io.shoudan.server.scenario.VerdictText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code shoudan diagnose --scenario FILE|DIR}: answers "why is this method not supported?" from a
 * scenario (contracts/SCENARIO.md). Exit 0 when every scenario was answered, 2 when any was invalid.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Explain whether a terminal can take a payment method now, and if not, every reason why.",
                "解释终端现在能否受理某种支付方式；不能时列出全部原因、由谁处理、怎么办、可改用哪些方式。"})
public final class DiagnoseCommand implements Callable<Integer> {

    public enum Format { json, text }

    static final int INVALID_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE|DIR",
            description = "A scenario JSON file, or a folder of them (answered in file-name order, one JSON line each).")
    Path scenario;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or text.")
    Format format;

    @Option(names = "--lang", defaultValue = "zh", converter = LangConverter.class,
            description = "Language of the text report: zh (default) or en. JSON always carries both.")
    Lang lang;

    private final ScenarioReader reader;
    private final EligibilityEngine engine;
    private final VerdictJson json;
    private final VerdictText text;

    public DiagnoseCommand(ScenarioReader reader, EligibilityEngine engine, VerdictJson json, VerdictText text) {
        this.reader = reader;
        this.engine = engine;
        this.json = json;
        this.text = text;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(scenario)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(scenario)) {
                files = listing.filter(DiagnoseCommand::isScenarioFile).sorted().toList();
            } catch (IOException e) {
                err.println(scenario + ": cannot list the folder: " + e.getMessage());
                return INVALID_INPUT;
            }
            boolean allValid = true;
            for (Path file : files) {
                allValid &= answer(file, file.getFileName().toString(), out, err);
            }
            out.flush();
            return allValid ? 0 : INVALID_INPUT;
        }
        boolean valid = answer(scenario, null, out, err);
        out.flush();
        return valid ? 0 : INVALID_INPUT;
    }

    /** Scenario files are {@code *.json}; the contract's {@code *.expected.json} answers are not. */
    private static boolean isScenarioFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && name.endsWith(".json") && !name.endsWith(".expected.json");
    }

    private boolean answer(Path file, String label, PrintWriter out, PrintWriter err) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Scenario question;
        try {
            question = reader.read(readUtf8(file));
        } catch (IOException e) {
            err.println(name + ": cannot read the file: " + e.getMessage());
            err.flush();
            return false;
        } catch (InvalidInputException e) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return false;
        }
        Verdict verdict = engine.evaluate(question.snapshot(), question.intent());
        if (format == Format.json) {
            out.println(json.write(verdict, label));
        } else {
            out.println(text.write(verdict, question.intent(), label, lang));
        }
        return true;
    }

    private static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("", "the file is not UTF-8 text");
        }
    }

    /** Turns {@code --lang zh|en} into a {@link Lang}, with a clear error for anything else. */
    public static final class LangConverter implements picocli.CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            return Lang.parse(value);
        }
    }
}
