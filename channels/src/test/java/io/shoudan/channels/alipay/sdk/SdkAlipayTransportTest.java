package io.shoudan.channels.alipay.sdk;

import com.alipay.api.AlipayApiErrorEnum;
import com.alipay.api.AlipayApiException;
import io.shoudan.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkAlipayTransportTest {

    @Test
    void theSdksSignatureFailuresAreRecognisedEvenWrapped() {
        assertThat(SdkAlipayTransport.isSignatureFailure(new AlipayApiException(AlipayApiErrorEnum.CHECK_SIGN_ERROR))).isTrue();
        assertThat(SdkAlipayTransport.isSignatureFailure(new AlipayApiException(AlipayApiErrorEnum.CHECK_SIGN_JSON_ERROR))).isTrue();
        assertThat(SdkAlipayTransport.isSignatureFailure(
                new AlipayApiException(new AlipayApiException(AlipayApiErrorEnum.CHECK_SIGN_ERROR)))).isTrue();
    }

    @Test
    void timeoutsLostConnectionsAndEmptyBodiesAreNotSignatureFailures() {
        assertThat(SdkAlipayTransport.isSignatureFailure(new AlipayApiException(new SocketTimeoutException("Read timed out")))).isFalse();
        assertThat(SdkAlipayTransport.isSignatureFailure(new AlipayApiException("Unexpected end of file from server"))).isFalse();
        assertThat(SdkAlipayTransport.isSignatureFailure(new AlipayApiException(AlipayApiErrorEnum.CHECK_SIGN_BODY_EMPTY_ERROR))).isFalse();
        assertThat(SdkAlipayTransport.isSignatureFailure(new AlipayApiException((String) null))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(value = {"12.34, 12.34", "0.01, 0.01", "100, 100.00", "'', NULL", "12.345, NULL", "abc, NULL", "NULL, NULL"},
            nullValues = "NULL")
    void amountsAreReadOnlyWhenTheyAreAmounts(String wire, String expected) {
        assertThat(SdkAlipayTransport.money(wire)).isEqualTo(expected == null ? null : Money.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(value = {"3, 3", "12, 12", "'', NULL", "x, NULL", "1234, NULL", "NULL, NULL"}, nullValues = "NULL")
    void installmentCountsAreReadOnlyWhenTheyAreCounts(String wire, Integer expected) {
        assertThat(SdkAlipayTransport.count(wire)).isEqualTo(expected);
    }

    @Test
    void thePayAnswersInstallmentCountIsReadFromTheBodyTheSdkDoesNotMap() throws NoSuchAlgorithmException {
        SdkAlipayTransport transport = new SdkAlipayTransport(configuration());
        assertThat(transport.payInstallNum("{\"alipay_trade_pay_response\":{\"code\":\"10000\",\"hb_fq_pay_info\":{\"user_install_num\":\"6\"}},"
                + "\"sign\":\"x\"}")).isEqualTo(6);
        assertThat(transport.payInstallNum("{\"alipay_trade_pay_response\":{\"code\":\"10000\"}}")).isNull();
        assertThat(transport.payInstallNum("not json")).isNull();
        assertThat(transport.payInstallNum(null)).isNull();
    }

    @Test
    void theConfigurationIsCheckedAndNeverPrintsThePrivateKey() throws NoSuchAlgorithmException {
        AlipayConfiguration configuration = configuration();
        assertThat(configuration.toString()).doesNotContain(configuration.appPrivateKey()).contains("2021000000000001");
        assertThatThrownBy(() -> new AlipayConfiguration(URI.create("ftp://x/gateway.do"), "2021000000000001", configuration.appPrivateKey(),
                configuration.alipayPublicKey(), Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> configuration.withTimeouts(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlipayConfiguration(configuration.gatewayUrl(), "2021000000000001", "-----BEGIN PRIVATE KEY-----",
                configuration.alipayPublicKey(), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("BEGIN");
        assertThat(AlipayConfiguration.production("2021000000000001", configuration.appPrivateKey(), configuration.alipayPublicKey())
                .gatewayUrl()).isEqualTo(URI.create("https://openapi.alipay.com/gateway.do"));
    }

    private static AlipayConfiguration configuration() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var app = generator.generateKeyPair();
        var alipay = generator.generateKeyPair();
        return new AlipayConfiguration(URI.create("http://127.0.0.1:9/gateway.do"), "2021000000000001",
                Base64.getEncoder().encodeToString(app.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(alipay.getPublic().getEncoded()), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }
}
