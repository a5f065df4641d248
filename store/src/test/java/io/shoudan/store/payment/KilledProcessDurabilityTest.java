package io.shoudan.store.payment;

import io.shoudan.ledger.LedgerReport;
import io.shoudan.payment.LedgerAudit;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentState;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.shoudan.store.database.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a terminal was told survives the process being killed: {@link SalesUntilKilled} sells on an embedded H2 file
 * in a process of its own, is killed with SIGKILL while five threads write, and every sale and void it had answered is
 * in the reopened store in the state it answered, with the ledger balanced, and so is every audit entry written on its
 * own (auto-commit) whose id it had returned. (With H2's default 500 ms write delay the
 * last half second of answers was lost: docs/STORE.md, "Durability".)
 */
class KilledProcessDurabilityTest {

    private static final int ANSWERS_BEFORE_THE_KILL = 1_500;

    @Test
    void everySaleAndVoidAnsweredBeforeAKillMinusNineIsInTheReopenedStore(@TempDir Path directory) throws Exception {
        JdbcUrl url = new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan"));
        Process process = new ProcessBuilder(javaCommand(), "-cp", testClassPath(), SalesUntilKilled.class.getName(), url.value())
                .redirectError(directory.resolve("stderr.txt").toFile())
                .start();
        List<String> answers = new ArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().start(() -> readAnswers(process, answers, enough));
        try {
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("%d payment answers within 120 s", ANSWERS_BEFORE_THE_KILL).isTrue();
            assertThat(process.isAlive()).as("the writer was still running when killed; its answers: %s", tail(answers)).isTrue();
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
            process.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(30_000);

        Map<PaymentId, PaymentState> answered = new HashMap<>();
        Set<Long> audited = new HashSet<>();
        synchronized (answers) {
            assertThat(answers).as("the writer reported no error").noneMatch(line -> line.startsWith("ERROR"));
            for (String line : answers) {
                String[] words = line.split(" ");
                if (words[0].equals("SALE") || words[0].equals("VOID")) {
                    answered.merge(new PaymentId(words[1]), PaymentState.valueOf(words[2]),
                            (first, later) -> later == PaymentState.VOIDED ? later : first);
                } else if (words[0].equals("AUDIT")) {
                    audited.add(Long.parseLong(words[1]));
                }
            }
        }
        assertThat(answered).hasSizeGreaterThan(ANSWERS_BEFORE_THE_KILL * 4 / 5);
        assertThat(audited).isNotEmpty();

        try (Database reopened = Database.open(DatabaseConfig.of(url))) {
            JooqPaymentStore store = new JooqPaymentStore(reopened);
            List<String> lost = new ArrayList<>();
            answered.forEach((id, state) -> {
                PaymentState stored = store.findPayment(id).map(Payment::state).orElse(null);
                // a void in flight at the kill may have been stored without being answered: SUCCEEDED may read VOIDED
                boolean asAnswered = stored == state || (state == PaymentState.SUCCEEDED && stored == PaymentState.VOIDED);
                if (!asAnswered) {
                    lost.add(id.value() + " answered " + state + ", stored " + stored);
                }
            });
            assertThat(lost).as("%d of %d answers the store does not hold after the kill", lost.size(), answered.size()).isEmpty();
            Set<Long> auditLost = new HashSet<>(audited);
            auditLost.removeAll(reopened.dsl().select(AUDIT_LOG.ENTRY_ID).from(AUDIT_LOG).fetchSet(AUDIT_LOG.ENTRY_ID));
            assertThat(auditLost).as("%d of %d audit entries written on their own the store does not hold after the kill",
                    auditLost.size(), audited.size()).isEmpty();
            LedgerReport ledger = LedgerAudit.check(store);
            assertThat(ledger.passed()).as(String.join("\n", ledger.lines())).isTrue();
        }
    }

    private static void readAnswers(Process process, List<String> answers, CountDownLatch enough) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int payments = 0;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("SALE ") || line.startsWith("VOID ")) {
                    payments++;
                }
                synchronized (answers) {
                    answers.add(line);
                    if (payments > ANSWERS_BEFORE_THE_KILL || line.startsWith("ERROR")) {
                        enough.countDown();
                    }
                }
            }
        } catch (java.io.IOException closed) {
            // the process was killed: every line it wrote before is read
        } finally {
            enough.countDown();
        }
    }

    private static List<String> tail(List<String> answers) {
        synchronized (answers) {
            return List.copyOf(answers.subList(Math.max(0, answers.size() - 5), answers.size()));
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    private static String testClassPath() {
        // surefire runs the tests from a manifest-only jar and names the real class path in this property
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
