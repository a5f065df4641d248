package io.shoudan.sandbox.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.response.AlipayTradePayResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.sandbox.http.RunningSandbox;
import io.shoudan.sandbox.http.alipay.AdminSdkBridge;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admin API round trips: everything a tester sets up over HTTP is what the channel endpoints then
 * see. The running sandbox has the test fixture's merchants; these tests add their own.
 */
class AdminApiTest {

    private static final String CONSUMER = """
            {"id":"dora","logonId":"dora@example.com","limits":{"singlePaymentLimit":"5000.00","dailyLimit":"20000.00"},
             "password":{"thresholdAbove":"1000.00","confirmsAfterMs":8000},
             "sources":[
               {"type":"huabei","creditLimit":"5000.00","available":"4200.00","status":"OPEN"},
               {"type":"alipayBalance","available":"300.00"},
               {"type":"yuebao","available":"1000.00"},
               {"type":"wechatBalance","available":"80.00"},
               {"type":"card","id":"debit","kind":"DEBIT","pan":"6222020000000000009","pin":"123456","available":"2000.00"}
             ]}""";

    @TempDir
    Path dataDir;

    private RunningSandbox running;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        running = new RunningSandbox(dataDir);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void aConsumerCreatedOverHttpIsReadBackWithMaskedCardsAndTheFundsTotalGrows() throws Exception {
        String before = get("/admin/funds").get("fundsTotal").asText();

        HttpResponse<String> created = running.send("POST", "/admin/consumers", CONSUMER);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode dora = get("/admin/consumers/dora");
        assertThat(dora.get("logonId").asText()).isEqualTo("dora@example.com");
        assertThat(dora.get("alipayOrder").toString()).isEqualTo("[\"huabei\",\"alipay-balance\",\"yuebao\",\"debit\"]");
        assertThat(dora.get("sources").get(4).get("pan").asText()).doesNotContain("6222020000000000009");
        assertThat(dora.get("password").get("confirmsAfterMs").asLong()).isEqualTo(8000);
        assertThat(dora.get("fundsTotal").asText()).isEqualTo("7580.00");
        assertThat(io.shoudan.money.Money.parse(get("/admin/funds").get("fundsTotal").asText()))
                .isEqualTo(io.shoudan.money.Money.parse(before).plus(io.shoudan.money.Money.parse("7580.00")));
    }

    @Test
    void statusAndSourceChangesApply() throws Exception {
        running.send("POST", "/admin/consumers", CONSUMER);

        assertThat(json.readTree(running.send("PUT", "/admin/consumers/dora/status", "{\"status\":\"FROZEN\"}").body())
                .get("status").asText()).isEqualTo("FROZEN");
        JsonNode updated = json.readTree(running.send("PUT", "/admin/consumers/dora/sources/huabei",
                "{\"available\":\"100.00\",\"status\":\"OVERDUE\"}").body());
        assertThat(updated.get("sources").get(0).get("status").asText()).isEqualTo("OVERDUE");
        assertThat(updated.get("sources").get(0).get("available").asText()).isEqualTo("100.00");
    }

    @Test
    void aCodeIssuedOverHttpPaysThroughTheGatewayAndAMerchantBlockedOverHttpIsRefused() throws Exception {
        running.send("POST", "/admin/consumers", CONSUMER);
        assertThat(running.send("POST", "/admin/merchants", """
                {"channel":"ALIPAY","id":"2021000000000077","products":["ALIPAY_FACE_TO_FACE"],
                 "perTradeLimit":"1000.00"}""").statusCode()).isEqualTo(201);
        DefaultAlipayClient client = AdminSdkBridge.client(running.server, "2021000000000077");

        String code = issue("dora", "ALIPAY");
        assertThat(code).hasSize(18);
        AlipayTradePayResponse paid = client.execute(AdminSdkBridge.pay("AD-1", code, "20.00"));
        assertThat(paid.getCode()).isEqualTo("10000");
        assertThat(get("/admin/merchants/ALIPAY/2021000000000077").get("received").asText()).isEqualTo("20.00");

        AlipayTradePayResponse aboveLimit = client.execute(AdminSdkBridge.pay("AD-2", issue("dora", "ALIPAY"), "1000.01"));
        assertThat(aboveLimit.getSubCode()).isEqualTo("ACQ.PRODUCT_AMOUNT_LIMIT_ERROR");

        running.send("PUT", "/admin/merchants/ALIPAY/2021000000000077", "{\"status\":\"BLOCKED\"}");
        AlipayTradePayResponse blocked = client.execute(AdminSdkBridge.pay("AD-3", issue("dora", "ALIPAY"), "10.00"));
        assertThat(blocked.getSubCode()).isEqualTo("ACQ.SELLER_BEEN_BLOCKED");
    }

    @Test
    void aWechatMerchantRegisteredOverHttpGetsAnApiKeyFile() throws Exception {
        HttpResponse<String> created = running.send("POST", "/admin/merchants",
                "{\"channel\":\"WECHAT\",\"id\":\"1900000077\",\"products\":[\"WECHAT_MICROPAY\"]}");

        JsonNode merchant = json.readTree(created.body());
        Path keyFile = Path.of(merchant.get("apiKeyFile").asText());
        assertThat(keyFile).startsWith(dataDir.resolve("wechat"));
        assertThat(Files.readString(keyFile).strip()).hasSize(32);
    }

    @Test
    void faultsAreAddedListedAppliedAndCleared() throws Exception {
        running.send("POST", "/admin/consumers", CONSUMER);
        HttpResponse<String> added = running.send("POST", "/admin/faults",
                "{\"channel\":\"ALIPAY\",\"operations\":[\"PAY\"],\"kind\":\"ServiceUnavailable\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        running.send("POST", "/admin/faults", "{\"channel\":\"WECHAT\",\"kind\":\"Delay\",\"delayMs\":6000,\"everyNth\":3}");

        JsonNode rules = json.readTree(running.send("GET", "/admin/faults", null).body());
        assertThat(rules).hasSize(2);
        assertThat(rules.get(1).get("delayMs").asLong()).isEqualTo(6000);
        DefaultAlipayClient client = AdminSdkBridge.client(running.server, io.shoudan.sandbox.Fixture.APP_ID);
        assertThat(client.execute(AdminSdkBridge.pay("F-1", issue("dora", "ALIPAY"), "1.00")).getCode()).isEqualTo("20000");

        assertThat(running.send("DELETE", "/admin/faults", null).statusCode()).isEqualTo(204);
        assertThat(json.readTree(running.send("GET", "/admin/faults", null).body())).isEmpty();
        assertThat(client.execute(AdminSdkBridge.pay("F-1", issue("dora", "ALIPAY"), "1.00")).getCode()).isEqualTo("10000");
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "POST | /admin/consumers | {\"id\":\"x\",\"sources\":[{\"type\":\"gold\"}]} | 400",
            "POST | /admin/consumers | {\"id\":\"x\",\"sources\":[{\"type\":\"alipayBalance\",\"available\":\"1.001\"}]} | 400",
            "POST | /admin/consumers | {\"id\":\"x\",\"colour\":\"red\"} | 400",
            "POST | /admin/consumers | not json | 400",
            "GET  | /admin/consumers/nobody | | 404",
            "POST | /admin/merchants | {\"channel\":\"PAYPAL\",\"id\":\"1\"} | 400",
            "POST | /admin/merchants | {\"channel\":\"WECHAT\",\"id\":\"../../etc\"} | 400",
            "POST | /admin/faults | {\"channel\":\"ALIPAY\",\"kind\":\"Delay\"} | 400",
            "POST | /admin/faults | {\"channel\":\"ALIPAY\",\"kind\":\"SystemError\",\"percent\":0} | 400",
            "GET  | /admin/merchants/ALIPAY/2099 | | 404",
    })
    void refusedInputAnswersWithAReasonInEnglishAndChinese(String method, String path, String body, int status)
            throws Exception {
        HttpResponse<String> response = running.send(method.strip(), path.strip(), body);

        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("error").asText()).isNotBlank();
        assertThat(error.get("errorZh").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', value = {
            "POST | /admin/faults    | {bad                                                   | the body is not valid JSON at line 1",
            "POST | /admin/faults    | [1]                                                    | the body must be a JSON object",
            "POST | /admin/faults    | {\"colour\":1}                                         | unknown field \"colour\" (allowed: [channel",
            "POST | /admin/faults    | {\"channel\":\"ALIPAY\",\"kind\":\"Delay\",\"delayMs\":\"soon\"} | delayMs has the wrong type",
            "POST | /admin/faults    | {\"channel\":\"ALIPAY\",\"kind\":\"Delay\",\"delayMs\":-5}   | delayMs must be 0 or more milliseconds, got -5",
            "POST | /admin/faults    | {\"channel\":\"ALIPAY\",\"kind\":\"UserPaying\",\"confirmsAfterMs\":-5} | confirmsAfterMs must be 0 or more",
            "POST | /admin/faults    | {\"channel\":\"ALIPAY\",\"kind\":\"SystemError\",\"percent\":500} | percent must be 1 to 100, got 500",
            "POST | /admin/faults    | {\"channel\":\"ALIPAY\",\"kind\":\"SystemError\",\"everyNth\":0} | everyNth must be 1 or more, got 0",
    })
    void aRefusalNamesTheFieldWithoutJavaNamesAndItsChineseIsChinese(String method, String path, String body, String english)
            throws Exception {
        HttpResponse<String> response = running.send(method.strip(), path.strip(), body.strip());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("error").asText()).contains(english.strip());
        for (String text : List.of(error.get("error").asText(), error.get("errorZh").asText())) {
            assertThat(text).doesNotContain("io.shoudan", "class ", "REDACTED", "StreamReadFeature", "PT-", "JsonToken", "[value=");
        }
        assertThat(error.get("errorZh").asText()).containsPattern("\\p{IsHan}").doesNotContain("Unexpected", "Cannot", "must be");
    }

    @Test
    void aRecordOrADurationInARegistrysRefusalReadsAsItsValue() {
        assertThat(AdminErrors.plain("SourceRef[value=card-1] is not a bank card")).isEqualTo("card-1 is not a bank card");
        assertThat(AdminErrors.plain("confirmsAfter must not be negative: PT-0.005S")).isEqualTo("confirmsAfter must not be negative: -5 ms");
        assertThat(AdminErrors.plain("channel must be one of [ALIPAY, WECHAT]")).isEqualTo("channel must be one of [ALIPAY, WECHAT]");
    }

    @Test
    void registeringTheSameConsumerTwiceIsRefused() throws Exception {
        running.send("POST", "/admin/consumers", CONSUMER);
        assertThat(running.send("POST", "/admin/consumers", CONSUMER).statusCode()).isEqualTo(400);
    }

    private String issue(String consumer, String channel) throws Exception {
        HttpResponse<String> issued = running.send("POST", "/admin/consumers/" + consumer + "/codes",
                "{\"channel\":\"" + channel + "\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        return json.readTree(issued.body()).get("code").asText();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = running.send("GET", path, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
