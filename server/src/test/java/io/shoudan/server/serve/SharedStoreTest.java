package io.shoudan.server.serve;

import io.shoudan.iso8583.key.KeyCheckValue;
import io.shoudan.iso8583.key.MasterKeyCipher;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.server.terminal8583.EndpointLimits;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.store.database.DatabaseConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two gateway nodes, each with its own {@code --data}, over one PostgreSQL store: with the same master key they share
 * the terminals' keys; a node given another key — or none — refuses to start with one line naming the setting.
 */
class SharedStoreTest {

    private static final String CLUSTER_KEY = "6b1f0c2d3e4f5a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3";
    private static final String OTHER_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private final PostgresSchema store = new PostgresSchema();

    @TempDir
    Path dir;

    @AfterEach
    void dropStore() throws SQLException {
        store.close();
    }

    @Test
    void twoNodesWithTheirOwnDataFoldersServeOneStoreWhenGivenTheSameMasterKey() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("cluster.key"), CLUSTER_KEY + "\n");

        try (Server first = Server.start(settings(dir.resolve("node-1"), true, Map.of(), keyFile));
             Server second = Server.start(settings(dir.resolve("node-2"), false, Map.of(MasterKeySource.ENVIRONMENT_VARIABLE, CLUSTER_KEY), null))) {
            assertThat(first.seeded()).isTrue();
            assertThat(second.seeded()).isFalse();
            assertThat(second.masterKeyCheckValue()).isEqualTo(first.masterKeyCheckValue()).isEqualTo(checkValue(CLUSTER_KEY));
            assertThat(Files.exists(dir.resolve("node-2/keys/master.key"))).as("no key generated for the second node").isFalse();
            // The second node opens every TMK the first one sealed.
            assertThat(second.demoTerminals()).isEqualTo(first.demoTerminals()).isNotEmpty();

            // A terminal injected with its TMK at the first node's seeding signs on and trades at the second node.
            Server.DemoTerminal demo = DemoTrading.tradingTerminal(second);
            DemoTrading.registerShopper(second);
            try (TerminalSimulator pos = DemoTrading.simulator(first, second, demo)) {
                assertThat(pos.signOn().responseCode()).isEqualTo("00");
                TerminalSimulator.Exchange sale = pos.saleByCode(Money.parse("9.99"),
                        second.sandbox().codes().issue(DemoTrading.SHOPPER, Channel.ALIPAY).code());
                assertThat(sale.response().responseCode()).as("reason %s", sale.response().reason()).isEqualTo("00");
            }
            // ... and the first node reads the sale the second one stored.
            java.util.List<PaymentState> seenByFirst = new java.util.ArrayList<>();
            first.app().payments().forEachPayment(p -> seenByFirst.add(p.state()));
            assertThat(seenByFirst).containsExactly(PaymentState.SUCCEEDED);
        }
    }

    @Test
    void aSecondNodeGivenAnotherMasterKeyOrNoneRefusesToStartWithOneLineNamingTheSetting() {
        Map<String, String> clusterKey = Map.of(MasterKeySource.ENVIRONMENT_VARIABLE, CLUSTER_KEY);
        try (Server first = Server.start(settings(dir.resolve("node-1"), true, clusterKey, null))) {

            assertThatThrownBy(() -> Server.start(settings(dir.resolve("node-2"), false, Map.of(MasterKeySource.ENVIRONMENT_VARIABLE, OTHER_KEY), null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("SHOUDAN_MASTER_KEY: this master key (KCV " + checkValue(OTHER_KEY) + ") does not open the keys sealed in the store")
                    .hasMessageContaining("sealed under KCV " + checkValue(CLUSTER_KEY))
                    .hasMessageContaining("无法解开存储中已加密的密钥")
                    .hasMessageNotContaining("\n").hasMessageNotContainingAny(OTHER_KEY, CLUSTER_KEY);

            assertThatThrownBy(() -> Server.start(settings(dir.resolve("node-3"), false, Map.of(), null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(MasterKeySource.noneGivenForASealedStore(checkValue(CLUSTER_KEY)));
            assertThat(dir.resolve("node-3/keys/master.key")).as("no key generated that could never open the store").doesNotExist();

            // The running node is untouched by the refusals.
            assertThat(first.demoTerminals()).isNotEmpty();
        }
    }

    @Test
    void theSettingsPrintTheEnvironmentByNameOnlyNeverTheMasterKey() {
        Server.Settings settings = settings(dir, false, Map.of(MasterKeySource.ENVIRONMENT_VARIABLE, CLUSTER_KEY), null);

        assertThat(settings.toString()).contains(MasterKeySource.ENVIRONMENT_VARIABLE).doesNotContainIgnoringCase(CLUSTER_KEY);
    }

    private Server.Settings settings(Path data, boolean seedDemo, Map<String, String> environment, Path masterKeyFile) {
        DatabaseConfig database = store.config();
        return new Server.Settings(database, new ChannelsConfiguration.Sandbox(7), 0, 0, data, seedDemo, environment,
                PaymentService.defaultPlans(), EndpointLimits.DEFAULTS, Duration.ofDays(7), RecoverySweep.Schedule.DEFAULTS,
                Server.defaultNodeName(data), masterKeyFile);
    }

    private static KeyCheckValue checkValue(String hex) {
        return new MasterKeyCipher(HexFormat.of().parseHex(hex), new SecureRandom()).checkValue();
    }
}
