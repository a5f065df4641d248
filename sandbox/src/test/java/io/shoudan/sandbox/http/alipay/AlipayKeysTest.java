package io.shoudan.sandbox.http.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlipayKeysTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartWritesFourPemFilesAndTheNextStartReusesThem() {
        AlipayKeys first = AlipayKeys.loadOrGenerate(dir);

        assertThat(dir.resolve("app_private_key.pem")).content().startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(dir.resolve("app_public_key.pem")).content().startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(dir.resolve("sandbox_private_key.pem")).content().startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(dir.resolve("alipay_public_key.pem")).content().startsWith("-----BEGIN PUBLIC KEY-----");

        AlipayKeys second = AlipayKeys.loadOrGenerate(dir);
        assertThat(second.sandboxPublicKey().getEncoded()).isEqualTo(first.sandboxPublicKey().getEncoded());
        assertThat(second.appPublicKey().getEncoded()).isEqualTo(first.appPublicKey().getEncoded());
        assertThat(Base64.getDecoder().decode(AlipayKeys.pemBody(dir.resolve("alipay_public_key.pem"))))
                .isEqualTo(first.sandboxPublicKey().getEncoded());
    }

    @Test
    void aDeveloperWhoBringsTheirOwnAppPublicKeyGetsNoGeneratedAppPrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] own = generator.generateKeyPair().getPublic().getEncoded();
        Files.writeString(dir.resolve("app_public_key.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(own) + "\n-----END PUBLIC KEY-----\n");

        AlipayKeys keys = AlipayKeys.loadOrGenerate(dir);

        assertThat(keys.appPublicKey().getEncoded()).isEqualTo(own);
        assertThat(dir.resolve("app_private_key.pem")).doesNotExist();
    }
}
