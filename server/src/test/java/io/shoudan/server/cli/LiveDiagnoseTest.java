package io.shoudan.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.server.Application;
import io.shoudan.server.demo.SampleWorld;
import io.shoudan.server.demo.Seeder;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code diagnose --terminal} answers from the store with the same engine and output as a scenario. */
class LiveDiagnoseTest {

    private static final OffsetDateTime DAY = OffsetDateTime.parse("2026-11-23T09:00:00+08:00");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static String url;
    static SampleWorld world;

    @BeforeAll
    static void seedTheStore() {
        url = "jdbc:h2:file:" + dir.resolve("shoudan").toAbsolutePath();
        world = SampleWorld.generate(7, DAY);
        PolicyReader reader = new PolicyReader();
        try (Application app = Application.open(DatabaseConfig.of(new JdbcUrl(url)), Clock.systemUTC(), reader,
                () -> DefaultPolicy.load(reader))) {
            new Seeder(app).seed(world, DefaultPolicy.document());
        }
    }

    private static Terminal terminalOf(String shopName) {
        return world.terminals().stream()
                .filter(t -> world.shopName(t.merchantId()).equals(shopName))
                .filter(t -> t.status() == io.shoudan.terminal.TerminalStatus.ACTIVE && t.signedOn())
                .findFirst().orElseThrow();
    }

    @Test
    void aJewelleryShopIsToldHuabeiIsRestrictedForItsIndustry() throws IOException {
        Terminal terminal = terminalOf("西湖金店");

        Cli cli = Cli.run("diagnose", "--terminal", terminal.sn().value(), "--method", "HUABEI", "--amount", "8800.00",
                "--at", "2026-11-23T09:02:00+08:00", "--db", url);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode verdict = JSON.readTree(cli.out());
        assertThat(verdict.get("supported").asBoolean()).isFalse();
        assertThat(codes(verdict)).contains("POLICY.INDUSTRY_RESTRICTED");
        assertThat(verdict.get("alternatives").toString()).contains("WECHAT_PAY");
    }

    @Test
    void theTextFormIsTheSameReportAsForAScenario() {
        Terminal terminal = terminalOf("张阿姨小卖部");

        Cli cli = Cli.run("diagnose", "--terminal", terminal.sn().value(), "--method", "HUABEI", "--amount", "99.00",
                "--at", "2026-11-23T09:02:00+08:00", "--db", url, "--format", "text", "--lang", "en");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Verdict: NOT supported").contains("individual merchants without a business licence");
    }

    @Test
    void aTerminalSilentForAnHourIsOfflineAndNoOtherMethodWorksEither() throws IOException {
        Terminal terminal = terminalOf("西湖金店");

        Cli cli = Cli.run("diagnose", "--terminal", terminal.sn().value(), "--method", "ALIPAY", "--amount", "10.00",
                "--at", "2026-11-23T10:00:00+08:00", "--db", url);

        JsonNode verdict = JSON.readTree(cli.out());
        assertThat(codes(verdict)).containsExactly("NETWORK.TERMINAL_OFFLINE");
        assertThat(verdict.get("alternatives")).isEmpty();
    }

    /** The live form reads the onboarding and fleet states of contract version 2 from the store. */
    @Test
    void aRejectedInstallmentProductIsToldWithTheReviewersFieldsFromTheStore() throws IOException {
        Terminal terminal = terminalOf("泉城大药房");

        JsonNode verdict = live(terminal, "HUABEI", "1288.00", "--installments", "3");

        JsonNode rejected = reason(verdict, "MERCHANT.PRODUCT_REJECTED");
        assertThat(rejected.get("evidence").get("product").asText()).isEqualTo("HUABEI_INSTALLMENT");
        assertThat(rejected.get("message").get("zh").asText()).contains("门头照片（门头照片不清晰）").contains("结算账户");
        assertThat(rejected.get("remedy").get("en").asText()).contains("storefront photo, settlement account");
    }

    @Test
    void aProductUnderReviewSaysForHowManyDays() throws IOException {
        Merchant pending = world.merchants().stream()
                .filter(m -> m.productState(Product.HUABEI_INSTALLMENT).status() == ProductStatus.PENDING)
                .filter(m -> world.terminals().stream().anyMatch(t -> t.merchantId().equals(m.id()) && usable(t)))
                .findFirst().orElseThrow();
        Terminal terminal = world.terminals().stream().filter(t -> t.merchantId().equals(pending.id()) && usable(t)).findFirst().orElseThrow();
        long days = java.time.Duration.between(pending.productState(Product.HUABEI_INSTALLMENT).since(),
                OffsetDateTime.parse("2026-11-23T09:02:00+08:00")).toDays();

        JsonNode verdict = live(terminal, "HUABEI", "1288.00", "--installments", "3");

        JsonNode review = reason(verdict, "MERCHANT.PRODUCT_UNDER_REVIEW");
        assertThat(review.get("evidence").get("days").asText()).isEqualTo(String.valueOf(days));
        assertThat(review.get("message").get("zh").asText()).contains("审核中已 " + days + " 天");
    }

    @Test
    void wechatPayApprovedWithoutTheMerchantsConsentIsConsentMissing() throws IOException {
        JsonNode verdict = live(terminalOf("解放碑美发"), "WECHAT_PAY", "30.00");

        assertThat(codes(verdict)).contains("MERCHANT.CONSENT_MISSING");
        assertThat(reason(verdict, "MERCHANT.CONSENT_MISSING").get("message").get("zh").asText()).contains("微信支付");
    }

    @Test
    void huabeiThatAlipayReportsSuspendedIsADrift() throws IOException {
        JsonNode verdict = live(terminalOf("天河数码城"), "HUABEI", "300.00");

        JsonNode drift = reason(verdict, "MERCHANT.PRODUCT_STATUS_DRIFT");
        assertThat(drift.get("evidence").get("channelStatus").asText()).isEqualTo("SUSPENDED");
        assertThat(drift.get("evidence").get("channelCheckedAt")).isNotNull();
    }

    @Test
    void anUpdatingTerminalAnOutdatedParameterSetAndABrokenScannerAreReadFromTheStore() throws IOException {
        Terminal updating = world.terminals().stream().filter(t -> t.status() == TerminalStatus.UPDATING).findFirst().orElseThrow();
        assertThat(codes(live(updating, "UNIONPAY_DEBIT", "10.00"))).contains("TERMINAL.UPDATING");

        Terminal behind = world.terminals().stream().filter(t -> t.parameterVersion() != null && t.parameterVersion() == 11)
                .filter(t -> t.capabilities().contains(Capability.CHIP)).findFirst().orElseThrow();
        JsonNode outdated = reason(live(behind, "UNIONPAY_DEBIT", "10.00"), "TERMINAL.PARAMETERS_OUTDATED");
        assertThat(outdated.get("evidence").get("actual").asText()).isEqualTo("11");
        assertThat(outdated.get("evidence").get("required").asText()).isEqualTo("12");

        Terminal broken = world.terminals().stream().filter(t -> !t.faults().isEmpty()).findFirst().orElseThrow();
        Capability faulty = broken.faults().iterator().next();
        String method = faulty == Capability.SCANNER ? "ALIPAY" : "UNIONPAY_DEBIT";
        assertThat(reason(live(broken, method, "10.00"), "TERMINAL.HARDWARE_FAULT").get("evidence").get("faulty").toString())
                .contains(faulty.name());
    }

    private static boolean usable(Terminal t) {
        return t.status() == TerminalStatus.ACTIVE && t.signedOn() && t.faults().isEmpty();
    }

    private static JsonNode live(Terminal terminal, String method, String amount, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("diagnose", "--terminal", terminal.sn().value(), "--method", method,
                "--amount", amount, "--at", "2026-11-23T09:02:00+08:00", "--db", url));
        args.addAll(List.of(more));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return JSON.readTree(cli.out());
    }

    private static JsonNode reason(JsonNode verdict, String code) {
        for (JsonNode reason : verdict.get("reasons")) {
            if (reason.get("code").asText().equals(code)) {
                return reason;
            }
        }
        throw new AssertionError(code + " not among " + codes(verdict));
    }

    @Test
    void aTimeWithoutAnOffsetIsChinaTime() {
        Terminal terminal = terminalOf("西湖金店");
        String[] ask = {"diagnose", "--terminal", terminal.sn().value(), "--method", "ALIPAY", "--amount", "10.00", "--db", url, "--at"};

        Cli china = Cli.run(concat(ask, "2026-11-23T10:00"));
        Cli withOffset = Cli.run(concat(ask, "2026-11-23T10:00:00+08:00"));

        assertThat(china.exitCode()).as(china.err()).isZero();
        assertThat(china.out()).isEqualTo(withOffset.out());
        assertThat(DiagnoseCommand.moment("2026-11-23T10:00")).isEqualTo(OffsetDateTime.parse("2026-11-23T10:00+08:00"));
    }

    @Test
    void theLedgerCheckOfAStoreWhereNoMoneyMovedSaysThereWasNothingToCheck() {
        Cli cli = Cli.run("ledger", "check", "--db", url);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.outLines()).singleElement().asString()
                .startsWith("ledger check: nothing to check, the store holds no journals yet").contains("没有可检查的内容");
    }

    private static String[] concat(String[] head, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }

    @Test
    void anUnknownTerminalIsAClearError() {
        Cli cli = Cli.run("diagnose", "--terminal", "NO-SUCH-1", "--method", "ALIPAY", "--amount", "1.00", "--db", url);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--terminal: NO-SUCH-1 is not a registered terminal").contains("不是已登记的终端");
    }

    @Test
    void anUnknownMethodNamesTheOptionAndTheMethodsItCouldBeInBothLanguages() {
        Cli cli = Cli.run("diagnose", "--terminal", "SD-A8-00001", "--method", "PAYPAL", "--amount", "1.00", "--db", url);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("diagnose: --method: \"PAYPAL\" is not one of ALIPAY, HUABEI, WECHAT_PAY,"
                + " UNIONPAY_QR, UNIONPAY_DEBIT, UNIONPAY_CREDIT / 不是可用的支付方式");
    }

    @Test
    void badLiveOptionsNameTheOption() {
        assertThat(Cli.run("diagnose", "--terminal", "SD-A8-00001", "--method", "ALIPAY", "--amount", "1.001", "--db", url).err())
                .contains("--amount: \"1.001\" is not an amount");
        assertThat(Cli.run("diagnose", "--terminal", "SD-A8-00001", "--method", "ALIPAY", "--db", url).err())
                .contains("--amount: is required with --terminal");
    }

    @Test
    void scenarioAndTerminalFormsAreExclusive() {
        Cli cli = Cli.run("diagnose");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("give one of --scenario FILE|DIR, --terminal SN --method M --amount X, or --payment ID");
    }

    private static List<String> codes(JsonNode verdict) {
        List<String> codes = new ArrayList<>();
        verdict.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }
}
