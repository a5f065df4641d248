package io.shoudan.reason;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue in code holds the public contract's catalogue (version 2, kept as test data in
 * contract-reasons.tsv) row for row and in order, and docs/REASONS.md shows exactly the catalogue in code.
 */
class ReasonCatalogueTest {

    record Row(String code, String category, String actor, String retry, boolean blocking) {
    }

    static List<Row> contractRows() throws IOException {
        try (InputStream in = ReasonCatalogueTest.class.getResourceAsStream("contract-reasons.tsv")) {
            assertThat(in).as("the contract's catalogue as test data").isNotNull();
            List<Row> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4].equals("blocking")));
            }
            return rows;
        }
    }

    private static Row row(ReasonCode c) {
        return new Row(c.code(), c.category().name(), c.actor().name(), c.retry().name(), c.blocking());
    }

    @Test
    void everyCodeOfTheContractExistsWithItsCategoryActorRetryAndBlockingInContractOrder() throws IOException {
        List<Row> inCode = Arrays.stream(ReasonCode.values()).map(ReasonCatalogueTest::row).toList();

        assertThat(contractRows()).hasSize(54);
        // The project may add codes; the contract's rows all appear, unchanged and in order.
        assertThat(inCode).containsSubsequence(contractRows());
    }

    @Test
    void exactlyTheCodesOutsideTheContractAreMarkedAsTheProjectsAdditions() throws IOException {
        List<String> contract = contractRows().stream().map(Row::code).toList();
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(code.projectAddition()).as(code.code()).isEqualTo(!contract.contains(code.code()));
        }
    }

    @Test
    void versionTwosCodesSitWhereTheContractPutsThem() {
        List<ReasonCode> codes = List.of(ReasonCode.values());
        assertThat(codes).containsSubsequence(ReasonCode.TERMINAL_LOCKED, ReasonCode.TERMINAL_UPDATING, ReasonCode.TERMINAL_UNBOUND);
        assertThat(codes).containsSubsequence(ReasonCode.TERMINAL_FIRMWARE_TOO_OLD, ReasonCode.TERMINAL_PARAMETERS_OUTDATED,
                ReasonCode.TERMINAL_HARDWARE_UNSUPPORTED, ReasonCode.TERMINAL_HARDWARE_FAULT, ReasonCode.TERMINAL_MODEL_NOT_CERTIFIED);
        assertThat(codes).containsSubsequence(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED, ReasonCode.MERCHANT_PRODUCT_UNDER_REVIEW,
                ReasonCode.MERCHANT_PRODUCT_REJECTED, ReasonCode.MERCHANT_PRODUCT_SUSPENDED, ReasonCode.MERCHANT_CONSENT_MISSING,
                ReasonCode.MERCHANT_PRODUCT_STATUS_DRIFT, ReasonCode.MERCHANT_CREDIT_RATING_TOO_LOW);
        assertThat(row(ReasonCode.TERMINAL_UPDATING)).isEqualTo(new Row("TERMINAL.UPDATING", "TERMINAL", "ACQUIRER", "LATER", true));
        assertThat(row(ReasonCode.TERMINAL_PARAMETERS_OUTDATED))
                .isEqualTo(new Row("TERMINAL.PARAMETERS_OUTDATED", "TERMINAL", "CASHIER", "AFTER_FIX", true));
        assertThat(row(ReasonCode.TERMINAL_HARDWARE_FAULT))
                .isEqualTo(new Row("TERMINAL.HARDWARE_FAULT", "TERMINAL", "MERCHANT", "AFTER_FIX", true));
        assertThat(row(ReasonCode.MERCHANT_PRODUCT_UNDER_REVIEW))
                .isEqualTo(new Row("MERCHANT.PRODUCT_UNDER_REVIEW", "MERCHANT", "ACQUIRER", "LATER", true));
        assertThat(row(ReasonCode.MERCHANT_PRODUCT_REJECTED))
                .isEqualTo(new Row("MERCHANT.PRODUCT_REJECTED", "MERCHANT", "MERCHANT", "AFTER_FIX", true));
        assertThat(row(ReasonCode.MERCHANT_CONSENT_MISSING))
                .isEqualTo(new Row("MERCHANT.CONSENT_MISSING", "MERCHANT", "MERCHANT", "AFTER_FIX", true));
        assertThat(row(ReasonCode.MERCHANT_PRODUCT_STATUS_DRIFT))
                .isEqualTo(new Row("MERCHANT.PRODUCT_STATUS_DRIFT", "MERCHANT", "ACQUIRER", "AFTER_FIX", true));
    }

    @Test
    void docsReasonsMdShowsExactlyTheCatalogueInCode() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("shoudan.project", ".."), "docs", "REASONS.md"));
        int begin = doc.indexOf("<!-- catalogue:begin -->\n");
        int end = doc.indexOf("<!-- catalogue:end -->");
        assertThat(begin).as("catalogue:begin marker").isNotNegative();
        assertThat(end).as("catalogue:end marker").isGreaterThan(begin);
        assertThat(doc.substring(begin + "<!-- catalogue:begin -->\n".length(), end)).isEqualTo(ReasonCatalogueMarkdown.render());
    }

    @Test
    void everyProjectAdditionIsExplainedInDocsReasonsMd() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("shoudan.project", ".."), "docs", "REASONS.md"));
        String additions = doc.substring(doc.indexOf("## Shoudan's additions"));
        for (ReasonCode code : ReasonCode.values()) {
            if (code.projectAddition()) {
                assertThat(additions).as("docs/REASONS.md explains %s", code).contains("`" + code.code() + "`");
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
