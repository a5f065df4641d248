package io.shoudan.server.cli;

import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.eligibility.Verdict;
import io.shoudan.reason.Lang;
import io.shoudan.server.json.InvalidInputException;
import io.shoudan.server.scenario.Scenario;
import io.shoudan.server.scenario.ScenarioReader;
import io.shoudan.server.scenario.VerdictText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code shoudan demo}: the main job on the embedded default. Today it walks the shipped example
 * scenarios (examples/) through the eligibility engine: a summary of every verdict and three worked
 * diagnoses in Chinese and English.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Shoudan's demonstration on the shipped examples.", "用内置示例演示收单平台的诊断能力。"})
public final class DemoCommand implements Callable<Integer> {

    /** The worked diagnoses: a merchant cause, a terminal cause and a cashier's mistake. */
    private static final List<String> WORKED = List.of(
            "02-small-shop-asks-for-huabei.json",
            "04-old-terminal-firmware-and-settings.json",
            "05-cashier-scanned-wechat-code-for-huabei.json");

    @Spec
    CommandSpec spec;

    @Option(names = "--examples", paramLabel = "DIR",
            description = "Folder of scenario files (default: examples/ of the Shoudan installation).")
    Path examples;

    private final ScenarioReader reader;
    private final EligibilityEngine engine;
    private final VerdictText text;

    public DemoCommand(ScenarioReader reader, EligibilityEngine engine, VerdictText text) {
        this.reader = reader;
        this.engine = engine;
        this.text = text;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = examples != null ? examples : Path.of(System.getenv().getOrDefault("SHOUDAN_HOME", "."), "examples");
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": no examples folder here; pass --examples DIR");
            return DiagnoseCommand.INVALID_INPUT;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        out.println("Shoudan 收单 — diagnose demo / 诊断演示 (" + files.size() + " scenarios from " + dir + ")");
        out.println();
        out.printf("%-48s %-16s %-9s %s%n", "scenario", "method", "verdict", "reasons → alternatives");
        for (Path file : files) {
            Verdict verdict = answer(file);
            out.printf("%-48s %-16s %-9s %s → %s%n", file.getFileName(), verdict.method(),
                    verdict.supported() ? "OK" : "REFUSED",
                    verdict.reasons().stream().map(r -> r.code().code()).collect(Collectors.joining(", ")),
                    verdict.alternatives());
        }
        for (String name : WORKED) {
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            Scenario question = reader.read(Files.readString(file));
            Verdict verdict = engine.evaluate(question.snapshot(), question.intent());
            for (Lang lang : Lang.values()) {
                out.println();
                out.println("──────── " + name + " (" + lang.name().toLowerCase(java.util.Locale.ROOT) + ") ────────");
                out.print(text.write(verdict, question.intent(), null, lang));
            }
        }
        out.flush();
        return 0;
    }

    private Verdict answer(Path file) throws IOException {
        try {
            Scenario question = reader.read(Files.readString(file));
            return engine.evaluate(question.snapshot(), question.intent());
        } catch (InvalidInputException e) {
            throw new IllegalStateException("shipped example " + file.getFileName() + " is invalid: " + e.getMessage(), e);
        }
    }
}
