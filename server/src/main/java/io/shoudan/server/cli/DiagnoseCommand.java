package io.shoudan.server.cli;

import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentService;
import io.shoudan.server.explain.PaymentExplanation;
import io.shoudan.server.Application;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.eligibility.Verdict;
import io.shoudan.reason.Lang;
import io.shoudan.server.json.InvalidInputException;
import io.shoudan.server.json.JsonFields;
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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code shoudan diagnose --scenario FILE|DIR}: answers "why is this method not supported?" from a
 * scenario (docs/SCENARIO.md). Exit 0 when every scenario was answered, 2 when any was invalid.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Explain whether a terminal can take a payment method now, and if not, every reason why.",
                "解释终端现在能否受理某种支付方式；不能时列出全部原因、由谁处理、怎么办、可改用哪些方式。"})
public final class DiagnoseCommand implements Callable<Integer> {

    public enum Format { json, text }

    static final int INVALID_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE|DIR",
            description = "A scenario JSON file, or a folder of them (answered in file-name order, one JSON line each).")
    Path scenario;

    @Option(names = "--terminal", paramLabel = "SN",
            description = "Live: ask about this registered terminal, its merchant and the store's current state.")
    String terminal;

    @Option(names = "--method", paramLabel = "METHOD", description = "Live: ALIPAY, HUABEI, WECHAT_PAY, UNIONPAY_QR, UNIONPAY_DEBIT or UNIONPAY_CREDIT.")
    String method;

    @Option(names = "--amount", paramLabel = "YUAN", description = "Live: the amount in CNY, e.g. 1288.00.")
    String amount;

    @Option(names = "--installments", paramLabel = "N", defaultValue = "0", description = "Live: Huabei installments (0 = none).")
    int installments;

    @Option(names = "--code", paramLabel = "CODE", description = "Live: the scanned payment code, if any.")
    String paymentCode;

    @Option(names = "--at", paramLabel = "TIME", description = "Live: the moment to ask about: 2026-11-23T14:30:00+08:00, or 2026-11-23T14:30 in China time; default now.")
    String at;

    @Option(names = "--payment", paramLabel = "ID",
            description = "Explain a past payment: its stored verdict, the channel's raw code and what it was mapped to, or for a reversal what started the recovery and the cancel that ended it.")
    String payment;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Live: the store (default SHOUDAN_DB_URL, else the embedded H2 file under ./data/).")
    String db;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or text.")
    Format format;

    @Option(names = "--lang", defaultValue = "zh", converter = LangConverter.class,
            description = "Language of the text report: zh (default) or en. JSON always carries both.")
    Lang lang;

    private final ScenarioReader reader;
    private final EligibilityEngine engine;
    private final VerdictJson json;
    private final VerdictText text;
    private final ApplicationFactory applications;

    /** Opens the store-backed application for the live forms; the scenario form never touches a store. */
    @FunctionalInterface
    public interface ApplicationFactory {
        Application open(Optional<String> dbUrl);
    }

    public DiagnoseCommand(ScenarioReader reader, EligibilityEngine engine, VerdictJson json, VerdictText text,
                           ApplicationFactory applications) {
        this.reader = reader;
        this.engine = engine;
        this.json = json;
        this.text = text;
        this.applications = applications;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int forms = (scenario == null ? 0 : 1) + (terminal == null ? 0 : 1) + (payment == null ? 0 : 1);
        if (forms != 1) {
            err.println("diagnose: give one of --scenario FILE|DIR, --terminal SN --method M --amount X, or --payment ID"
                    + " / 请给出其中一种：--scenario 文件或目录、--terminal 终端号 --method 方式 --amount 金额、--payment 交易号");
            return INVALID_INPUT;
        }
        if (terminal != null) {
            return live(out, err);
        }
        if (payment != null) {
            return pastPayment(out, err);
        }
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
            err.println(name + ": cannot read the file: " + WritableFolder.describe(e) + " / 无法读取该文件");
            err.flush();
            return false;
        } catch (InvalidInputException e) {
            err.println(name + ": " + e.getMessage() + inChinese(e));
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

    /** The Chinese half of a scenario's refusal: the field at fault, unless the message already says it in Chinese. */
    private static String inChinese(InvalidInputException refused) {
        if (refused.getMessage().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return "";
        }
        return refused.path().isEmpty() ? " / 场景文件有误" : " / 场景字段 " + refused.path() + " 有误";
    }

    /** The live form: the same engine and output, on the store's current state. */
    private int live(PrintWriter out, PrintWriter err) {
        PaymentIntent intent;
        TerminalSn sn;
        OffsetDateTime moment;
        try {
            sn = parse("--terminal", terminal, TerminalSn::new);
            PaymentMethod m = parse("--method", required("--method", method), DiagnoseCommand::paymentMethod);
            Money money = parse("--amount", required("--amount", amount), Money::parse);
            moment = at == null ? OffsetDateTime.now(PaymentService.BUSINESS_ZONE) : moment(at);
            intent = new PaymentIntent(m, money, parse("--installments", installments, PaymentIntent::checkInstallments),
                    paymentCode);
        } catch (InvalidInputException e) {
            err.println("diagnose: " + e.getMessage());
            return INVALID_INPUT;
        }
        try (Application app = applications.open(Optional.ofNullable(db))) {
            Optional<Snapshot> snapshot = app.snapshots().snapshot(sn, moment);
            if (snapshot.isEmpty()) {
                err.println("diagnose: --terminal: " + sn + " is not a registered terminal (or its merchant is missing)"
                        + " / 不是已登记的终端（或其商户不存在）");
                return INVALID_INPUT;
            }
            Verdict verdict = engine.evaluate(snapshot.get(), intent);
            out.println(format == Format.json ? json.write(verdict, null) : text.write(verdict, intent, null, lang));
            out.flush();
            return 0;
        }
    }

    /** The past-payment form: what was stored when it was declined or failed. */
    private int pastPayment(PrintWriter out, PrintWriter err) {
        PaymentId id;
        try {
            id = parse("--payment", payment, PaymentId::new);
        } catch (InvalidInputException e) {
            err.println("diagnose: " + e.getMessage());
            return INVALID_INPUT;
        }
        try (Application app = applications.open(Optional.ofNullable(db))) {
            Optional<Payment> found = app.payments().findPayment(id);
            if (found.isEmpty()) {
                err.println("diagnose: --payment: no payment " + id + " in this store / 本库中没有这笔交易");
                return INVALID_INPUT;
            }
            PaymentExplanation explanation = PaymentExplanation.of(found.get());
            out.println(format == Format.json ? json.write(explanation) : explanation.text(lang));
            out.flush();
            return 0;
        }
    }

    /**
     * {@code --at}: an ISO-8601 time with its offset, or a China time without one (Asia/Shanghai, as terminals and
     * merchants read their clocks).
     */
    static OffsetDateTime moment(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(PaymentService.BUSINESS_ZONE).toOffsetDateTime();
            } catch (DateTimeParseException notATime) {
                throw new InvalidInputException("--at", "\"" + text + "\" is not a time: give 2026-11-23T14:30:00+08:00 (ISO-8601 with"
                        + " its offset) or 2026-11-23T14:30 (China time) / 不是有效时间：请写成 2026-11-23T14:30:00+08:00"
                        + "（带时区的 ISO-8601）或 2026-11-23T14:30（北京时间）");
            }
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new InvalidInputException(option, "is required with --terminal / 与 --terminal 一起使用时必填");
        }
        return value;
    }

    /** A method by its name, as the scenario form spells it; anything else is refused with the names it could be. */
    private static PaymentMethod paymentMethod(String name) {
        try {
            return PaymentMethod.valueOf(name);
        } catch (IllegalArgumentException notAMethod) {
            throw new IllegalArgumentException("\"" + name + "\" is not one of " + JsonFields.allowed(PaymentMethod.class)
                    + " / 不是可用的支付方式");
        }
    }

    private static <T, R> R parse(String option, T value, java.util.function.Function<T, R> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(option, e.getMessage());
        }
    }

    private static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("", "the file is not UTF-8 text / 文件不是 UTF-8 文本");
        }
    }

    /** Turns {@code --lang zh|en} into a {@link Lang}, with a clear error for anything else. */
    public static final class LangConverter implements picocli.CommandLine.ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            try {
                return Lang.parse(value);
            } catch (IllegalArgumentException notALanguage) {
                throw new picocli.CommandLine.TypeConversionException("\"" + value + "\" is not a language: zh or en"
                        + " / \"" + value + "\" 不是可用的语言：zh（中文）或 en（英文）");
            }
        }
    }
}
