package io.shoudan.server.demo;

import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's trading day balances its books and is the same day again for the same seed. */
class DemoRunTest {

    private static String day(long seed, String dbName) {
        StringWriter out = new StringWriter();
        boolean balanced = new DemoRun(seed, 400, DatabaseConfig.of(JdbcUrl.inMemory(dbName)))
                .run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(balanced).as(out.toString()).isTrue();
        // The last line says how long the run took in real time: the only thing allowed to differ.
        return out.toString().replaceAll("simulated 09:00–21:00 in [0-9.]+ s", "simulated in N s");
    }

    @Test
    void aTradingDayReportsVolumesRefusalsDiagnosesFeesAndAPassingLedgerCheck() {
        String report = day(7, "demo-a");

        assertThat(report).contains("== Volume by method and outcome").contains("HUABEI").contains("UNIONPAY_CREDIT")
                .contains("== Top refusal reasons").contains("== Three worked diagnoses").contains("由谁处理：")
                .contains("Who acts:").contains("== Fees charged").contains("ledger check: OK");
        assertThat(report.split("-- ").length - 1).as("three worked diagnoses").isEqualTo(3);
    }

    @Test
    void theSameSeedGivesTheSameDay() {
        assertThat(day(11, "demo-b")).isEqualTo(day(11, "demo-c"));
    }
}
