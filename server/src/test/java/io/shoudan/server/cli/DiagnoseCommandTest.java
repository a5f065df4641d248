package io.shoudan.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Invalid input exits 2 with one line naming the file and the field; valid input is answered. */
class DiagnoseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static ObjectNode example() throws IOException {
        return (ObjectNode) JSON.readTree(ContractExamplesTest.examples().resolve("02-huabei-product-not-signed.json").toFile());
    }

    static Stream<Arguments> invalidScenarios() {
        return Stream.of(
                bad("an unknown top-level field", s -> s.put("colour", "red"), "colour: unknown field"),
                bad("an unknown nested field", s -> obj(s, "terminal").put("firmwareVersion", "3.1.4"),
                        "terminal.firmwareVersion: unknown field"),
                bad("a firmware that is not a version", s -> obj(s, "terminal").put("firmware", "3.x"),
                        "terminal.firmware: \"3.x\" is not a version"),
                bad("an amount with three decimals", s -> obj(s, "payment").put("amount", "12.345"),
                        "payment.amount: \"12.345\" is not an amount in CNY with at most two decimals"),
                bad("an amount given as a number", s -> obj(s, "payment").put("amount", 12.34),
                        "payment.amount: must be a decimal string in CNY"),
                bad("an unknown method", s -> obj(s, "payment").put("method", "PAYPAL"),
                        "payment.method: \"PAYPAL\" is not one of ALIPAY, HUABEI"),
                bad("an unknown product status", s -> obj(obj(s, "merchant"), "products").put("HUABEI", "MAYBE"),
                        "merchant.products.HUABEI: \"MAYBE\" is not one of NOT_SIGNED"),
                bad("an unknown product", s -> obj(obj(s, "merchant"), "products").put("PAYPAL", "ACTIVE"),
                        "merchant.products.PAYPAL: \"PAYPAL\" is not one of ALIPAY"),
                bad("an unknown capability in a list", s -> ((ArrayNode) obj(s, "terminal").get("capabilities")).add("LASER"),
                        "terminal.capabilities[6]: \"LASER\" is not one of SCANNER"),
                bad("a missing merchant", s -> s.remove("merchant"), "merchant: must be a JSON object, got nothing"),
                bad("a missing required field", s -> obj(s, "terminal").remove("sn"), "terminal.sn: is required"),
                bad("a time without offset", s -> s.put("at", "2026-11-23T14:05:00"),
                        "at: \"2026-11-23T14:05:00\" is not an ISO-8601 time with offset"),
                bad("a bad MCC range in the policy",
                        s -> ((ArrayNode) obj(obj(obj(s, "policy"), "methods"), "HUABEI").get("deniedMcc")).add("6012-6010"),
                        "policy.methods.HUABEI.deniedMcc[5]: MCC range 6012-6010 runs backwards"),
                bad("a region prefix of three digits",
                        s -> ((ArrayNode) obj(obj(obj(s, "policy"), "methods"), "HUABEI").get("deniedRegions")).add("650"),
                        "policy.methods.HUABEI.deniedRegions[2]: \"650\" is not a region prefix"),
                bad("a maintenance window ending before it starts",
                        s -> ((ObjectNode) s.get("maintenance").get(0)).put("to", "2026-11-24T00:00:00+08:00"),
                        "maintenance[0].to: maintenance window ends"),
                bad("a negative installment count", s -> obj(s, "payment").put("installments", -3),
                        "payment.installments: must be a whole number from 0 to 60"),
                bad("a product object without its status", s -> product(s, "HUABEI").put("consent", false),
                        "merchant.products.HUABEI.status: is required"),
                bad("an unknown field in a product object", s -> product(s, "HUABEI").put("status", "ACTIVE").put("colour", "red"),
                        "merchant.products.HUABEI.colour: unknown field"),
                bad("rejections on a product that is not rejected", s -> product(s, "HUABEI").put("status", "PENDING")
                                .putArray("rejections").addObject().put("field", "shop_photo").put("reason", "blurred"),
                        "merchant.products.HUABEI.rejections: only a REJECTED product lists rejections; this one is PENDING"),
                bad("a rejection without its reason", s -> product(s, "HUABEI").put("status", "REJECTED")
                                .putArray("rejections").addObject().put("field", "shop_photo"),
                        "merchant.products.HUABEI.rejections[0].reason: is required"),
                bad("a rejection with a blank field", s -> product(s, "HUABEI").put("status", "REJECTED")
                                .putArray("rejections").addObject().put("field", " ").put("reason", "blurred"),
                        "merchant.products.HUABEI.rejections[0].field: must not be blank"),
                bad("consent that is not a boolean", s -> product(s, "HUABEI").put("status", "ACTIVE").put("consent", "no"),
                        "merchant.products.HUABEI.consent: must be true or false"),
                bad("an unknown status reported by the channel", s -> product(s, "HUABEI").put("status", "ACTIVE")
                                .put("channelStatus", "GONE"),
                        "merchant.products.HUABEI.channelStatus: \"GONE\" is not one of NOT_SIGNED"),
                bad("a check time without the channel's status", s -> product(s, "HUABEI").put("status", "ACTIVE")
                                .put("channelCheckedAt", "2026-11-23T09:00:00+08:00"),
                        "merchant.products.HUABEI.channelCheckedAt: given without a channelStatus"),
                bad("a since that is not a time", s -> product(s, "HUABEI").put("status", "PENDING").put("since", "yesterday"),
                        "merchant.products.HUABEI.since: \"yesterday\" is not an ISO-8601 time with offset"),
                bad("a negative parameter version", s -> obj(s, "terminal").put("parameterVersion", -1),
                        "terminal.parameterVersion: must be a whole number from 0"),
                bad("an unknown device in the faults", s -> obj(s, "terminal").putArray("faults").add("SCANNER").add("LASER"),
                        "terminal.faults[1]: \"LASER\" is not one of SCANNER"),
                bad("a negative minimum parameter version",
                        s -> obj(obj(obj(s, "policy"), "methods"), "HUABEI").put("minParameterVersion", -2),
                        "policy.methods.HUABEI.minParameterVersion: must be a whole number from 0"));
    }

    private static ObjectNode product(ObjectNode scenario, String product) {
        return obj(obj(scenario, "merchant"), "products").putObject(product);
    }

    @Test
    void aVersionOneFileReadsAsBeforeAndItsStringProductsEqualObjectsWithOnlyTheirStatus() throws IOException {
        ObjectNode asStrings = example();
        ObjectNode asObjects = example();
        obj(asObjects, "merchant").putObject("products");
        obj(asStrings, "merchant").get("products").fields().forEachRemaining(e ->
                product(asObjects, e.getKey()).put("status", e.getValue().asText()));
        obj(asStrings, "terminal").remove(List.of("parameterVersion", "faults"));

        Cli v1 = Cli.run("diagnose", "--scenario", write("v1.json", JSON.writeValueAsString(asStrings)).toString());
        Cli v2 = Cli.run("diagnose", "--scenario", write("v2.json", JSON.writeValueAsString(asObjects)).toString());

        assertThat(v1.exitCode()).as(v1.err()).isZero();
        assertThat(v1.out()).isEqualTo(v2.out()).contains("MERCHANT.PRODUCT_NOT_SIGNED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidScenarios")
    void invalidInputExitsTwoWithOneLineNamingTheFileAndTheField(String description, Consumer<ObjectNode> breakIt,
                                                                 String expected) throws IOException {
        ObjectNode scenario = example();
        breakIt.accept(scenario);
        Path file = write("scenario.json", JSON.writeValueAsString(scenario));

        Cli cli = Cli.run("diagnose", "--scenario", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.errLines()).hasSize(1);
        assertThat(cli.errLines().getFirst()).startsWith("scenario.json: " + expected);
    }

    @Test
    void unparseableJsonIsReportedWithItsPosition() throws IOException {
        Path file = write("broken.json", "{\"at\": \"2026-11-23T14:05:00+08:00\", \"payment\": {");

        Cli cli = Cli.run("diagnose", "--scenario", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.errLines()).singleElement().asString().startsWith("broken.json: not valid JSON").contains("line 1");
    }

    @Test
    void aDuplicatedFieldIsAnError() throws IOException {
        Path file = write("dup.json", "{\"at\": \"2026-11-23T14:05:00+08:00\", \"at\": \"2026-11-23T14:05:00+08:00\"}");

        Cli cli = Cli.run("diagnose", "--scenario", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("dup.json: not valid JSON").contains("Duplicate field 'at'");
    }

    @Test
    void aMissingFileIsReportedNotThrown() {
        Cli cli = Cli.run("diagnose", "--scenario", dir.resolve("nowhere.json").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("nowhere.json: cannot read the file");
    }

    @Test
    void inAFolderABadFileIsReportedAndTheOthersAreStillAnswered() throws IOException {
        ObjectNode good = example();
        write("a-good.json", JSON.writeValueAsString(good));
        obj(good, "terminal").put("firmware", "3.x");
        write("b-bad.json", JSON.writeValueAsString(good));
        obj(good, "terminal").put("firmware", "3.1.4");
        write("c-good.json", JSON.writeValueAsString(good));
        write("c-good.expected.json", "{\"supported\": false}");
        write("notes.txt", "not a scenario");

        Cli cli = Cli.run("diagnose", "--scenario", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.outLines()).hasSize(2);
        assertThat(cli.outLines().get(0)).startsWith("{\"scenario\":\"a-good.json\",\"supported\":false");
        assertThat(cli.outLines().get(1)).startsWith("{\"scenario\":\"c-good.json\"");
        assertThat(cli.errLines()).containsExactly("b-bad.json: terminal.firmware: \"3.x\" is not a version (numbers separated by dots, e.g. \"3.2.0\")"
                + " / 场景字段 terminal.firmware 有误");
    }

    @Test
    void aZeroAmountIsAValidQuestionAnsweredWithInvalidAmount() throws IOException {
        ObjectNode scenario = example();
        obj(scenario, "payment").put("amount", "0.00");
        Path file = write("zero.json", JSON.writeValueAsString(scenario));

        Cli cli = Cli.run("diagnose", "--scenario", file.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("OPERATION.INVALID_AMOUNT");
    }

    @Test
    void withoutAPolicyTheShippedDefaultPolicyDecides() throws IOException {
        ObjectNode scenario = example();
        scenario.remove("policy");
        obj(obj(scenario, "merchant"), "products").put("HUABEI", "ACTIVE");
        obj(scenario, "merchant").put("mcc", "5944");
        Path file = write("default.json", JSON.writeValueAsString(scenario));

        Cli cli = Cli.run("diagnose", "--scenario", file.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(JSON.readTree(cli.out()).get("reasons").get(0).get("code").asText()).isEqualTo("POLICY.INDUSTRY_RESTRICTED");
    }

    @Test
    void theTextReportExplainsEachReasonInTheChosenLanguage() throws IOException {
        Path scenario = ContractExamplesTest.examples().resolve("07-old-firmware-and-pos-settings.json");

        Cli zh = Cli.run("diagnose", "--scenario", scenario.toString(), "--format", "text");
        Cli en = Cli.run("diagnose", "--scenario", scenario.toString(), "--format", "text", "--lang", "en");

        assertThat(zh.out()).contains("结论：不支持，共 2 个原因。").contains("终端固件版本为 3.1.4，低于花呗要求的最低版本 3.2.0。")
                .contains("由谁处理：收单机构").contains("怎么办：").contains("现在可以改用：支付宝");
        assertThat(en.out()).contains("Verdict: NOT supported, 2 reasons.")
                .contains("The terminal runs firmware 3.1.4, older than the 3.2.0 that Huabei needs.")
                .contains("Who acts: the acquirer").contains("Methods that work now: Alipay");
    }

    @Test
    void anUnknownLanguageOrFormatIsAUsageError() throws IOException {
        Path scenario = ContractExamplesTest.examples().resolve("01-all-good-huabei-installments.json");

        assertThat(Cli.run("diagnose", "--scenario", scenario.toString(), "--lang", "fr").exitCode()).isEqualTo(2);
        assertThat(Cli.run("diagnose", "--scenario", scenario.toString(), "--format", "xml").exitCode()).isEqualTo(2);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static ObjectNode obj(ObjectNode parent, String name) {
        return (ObjectNode) parent.get(name);
    }

    private static Arguments bad(String description, Consumer<ObjectNode> breakIt, String expected) {
        return arguments(description, breakIt, expected);
    }
}
