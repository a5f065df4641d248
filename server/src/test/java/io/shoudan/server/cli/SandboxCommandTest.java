package io.shoudan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.sandbox.http.SandboxServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {

    @TempDir
    Path data;

    @Test
    void itPrintsTheUrlsAndKeyFilesAndServesTheDemoMerchantsUntilAskedToStop() throws Exception {
        List<String> seen = new ArrayList<>();
        SandboxCommand command = new SandboxCommand(server -> {
            try {
                HttpResponse<String> merchant = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.adminUrl() + "/merchants/WECHAT/" + SandboxCommand.DEMO_WECHAT_MCH_ID)).build(),
                        HttpResponse.BodyHandlers.ofString());
                seen.add(merchant.body());
                seen.add(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.adminUrl() + "/consumers/c-0050")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("--port", "0", "--data", data.toString(), "--demo");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("/gateway.do").contains("/admin")
                .contains(data.resolve("alipay").resolve("app_private_key.pem").toAbsolutePath().toString())
                .contains("alipay_public_key.pem");
        assertThat(seen.get(0)).contains("\"id\":\"" + SandboxCommand.DEMO_WECHAT_MCH_ID + "\"").contains("api_key");
        assertThat(seen.get(1)).contains("\"id\":\"c-0050\"");
        assertThat(data.resolve("wechat").resolve(SandboxCommand.DEMO_WECHAT_MCH_ID + ".api_key")).exists();
    }

    @Test
    void aSecondStartReusesTheKeysOfTheFirst() {
        new CommandLine(new SandboxCommand(server -> { })).execute("--port", "0", "--data", data.toString());
        String first = io.shoudan.sandbox.http.alipay.AlipayKeys.pemBody(data.resolve("alipay/alipay_public_key.pem"));
        new CommandLine(new SandboxCommand(server -> { })).execute("--port", "0", "--data", data.toString());

        assertThat(io.shoudan.sandbox.http.alipay.AlipayKeys.pemBody(data.resolve("alipay/alipay_public_key.pem")))
                .isEqualTo(first);
        assertThat(SandboxServer.HOST).isEqualTo("127.0.0.1");
    }
}
