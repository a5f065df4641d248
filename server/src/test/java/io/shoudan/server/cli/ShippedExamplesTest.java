package io.shoudan.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each story of the README's examples/ folder gives the answer the README tells, with the shipped default policy. */
class ShippedExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            01-huabei-3-installments-ok                 |                                                                                    | ALIPAY WECHAT_PAY UNIONPAY_QR UNIONPAY_DEBIT UNIONPAY_CREDIT
            02-small-shop-asks-for-huabei               | MERCHANT.TYPE_NOT_ELIGIBLE MERCHANT.PRODUCT_NOT_SIGNED MERCHANT.CREDIT_RATING_TOO_LOW | ALIPAY WECHAT_PAY UNIONPAY_QR UNIONPAY_DEBIT UNIONPAY_CREDIT
            03-jewellery-shop-huabei-installments       | POLICY.INDUSTRY_RESTRICTED                                                         | ALIPAY WECHAT_PAY UNIONPAY_QR UNIONPAY_DEBIT UNIONPAY_CREDIT
            04-old-terminal-firmware-and-settings       | TERMINAL.FIRMWARE_TOO_OLD TERMINAL.METHOD_NOT_CONFIGURED                           | ALIPAY WECHAT_PAY UNIONPAY_DEBIT UNIONPAY_CREDIT
            05-cashier-scanned-wechat-code-for-huabei   | OPERATION.CODE_METHOD_MISMATCH                                                     | ALIPAY WECHAT_PAY UNIONPAY_QR UNIONPAY_DEBIT UNIONPAY_CREDIT
            06-alipay-maintenance-wechat-slow           | MAINTENANCE.CHANNEL_WINDOW                                                         | WECHAT_PAY UNIONPAY_QR UNIONPAY_DEBIT UNIONPAY_CREDIT
            07-terminal-moved-to-shenzhen-and-offline   | TERMINAL.RELOCATED TERMINAL.NOT_SIGNED_ON NETWORK.TERMINAL_OFFLINE SECURITY.KEY_EXPIRED |
            08-individual-merchant-credit-card-cap      | POLICY.REGULATORY_LIMIT                                                            | ALIPAY WECHAT_PAY UNIONPAY_QR UNIONPAY_DEBIT
            09-consumer-huabei-overdue                  | CONSUMER.HUABEI_UNAVAILABLE CONSUMER.INSUFFICIENT_FUNDS                            | ALIPAY WECHAT_PAY UNIONPAY_QR UNIONPAY_DEBIT UNIONPAY_CREDIT
            10-cashier-typed-zero                       | OPERATION.INVALID_AMOUNT                                                           |
            11-seafood-restaurant-installments-rejected | MERCHANT.PRODUCT_REJECTED                                                          | ALIPAY UNIONPAY_QR UNIONPAY_DEBIT UNIONPAY_CREDIT
            12-scanner-broken-and-old-parameters        | TERMINAL.PARAMETERS_OUTDATED TERMINAL.HARDWARE_FAULT                               |
            13-terminal-updating-huabei-under-review    | TERMINAL.UPDATING MERCHANT.PRODUCT_UNDER_REVIEW                                    |
            """)
    void theExampleGivesTheAnswerItsStoryTells(String name, String codes, String alternatives) throws IOException {
        Path file = Path.of("..", "examples", name + ".json");

        Cli cli = Cli.run("diagnose", "--scenario", file.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode verdict = JSON.readTree(cli.out());
        assertThat(texts(verdict.get("reasons"), "code")).isEqualTo(words(codes));
        assertThat(texts(verdict.get("alternatives"), null)).isEqualTo(words(alternatives));
        assertThat(verdict.get("supported").asBoolean()).isEqualTo(words(codes).isEmpty());
    }

    private static List<String> words(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.asList(cell.trim().split("\\s+"));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(field == null ? n.asText() : n.get(field).asText()));
        return texts;
    }
}
