package io.shoudan.store.policy;

import io.shoudan.store.audit.AuditAction;
import io.shoudan.store.audit.AuditEntry;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.AuditSubject;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class PolicyVersionRepositoryContract extends StoreContract {

    private static final Operator ALICE = new Operator("ops:alice");
    private static final Operator BOB = new Operator("ops:bob");
    /** Chinese text, escapes and newlines must come back byte for byte: the server parses this text. */
    private static final String DOCUMENT = """
            {"terminalOfflineAfterSeconds": 600,
             "methods": {"HUABEI": {"deniedMcc": ["5944", "6010-6012"], "note": "花呗 \\"分期\\" ✓"}}}
            """;

    private AuditLog auditLog;
    private PolicyVersionRepository policies;

    PolicyVersionRepositoryContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        auditLog = new AuditLog(database, clock);
        policies = new PolicyVersionRepository(database, auditLog, clock);
    }

    @Test
    void beforeTheFirstSaveNoPolicyIsActive() {
        assertThat(policies.active()).isEmpty();
        assertThat(policies.history(10)).isEmpty();
    }

    @Test
    void theFirstSaveIsVersionOneAndActiveWithItsDocumentExactlyAsGiven() {
        PolicyVersion saved = policies.saveAndActivate(DOCUMENT, ALICE, "initial policy / 初始策略");

        assertThat(saved.number()).isEqualTo(new PolicyVersionNumber(1));
        assertThat(saved.createdAt()).isEqualTo(OffsetDateTime.ofInstant(START, java.time.ZoneOffset.UTC));
        assertThat(policies.active()).contains(saved);
        assertThat(policies.active().orElseThrow().document()).isEqualTo(DOCUMENT);
        assertThat(policies.find(new PolicyVersionNumber(1))).contains(saved);
    }

    @Test
    void eachSaveAddsAVersionAndBecomesActiveAndHistoryIsNewestFirst() {
        policies.saveAndActivate("{\"v\":1}", ALICE, "one");
        clock.advance(Duration.ofMinutes(1));
        policies.saveAndActivate("{\"v\":2}", BOB, "two");
        clock.advance(Duration.ofMinutes(1));
        PolicyVersion third = policies.saveAndActivate("{\"v\":3}", ALICE, "three");

        assertThat(policies.active()).contains(third);
        assertThat(policies.history(10)).extracting(v -> v.number().value(), PolicyVersion::comment, v -> v.author().name())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "three", "ops:alice"),
                        org.assertj.core.groups.Tuple.tuple(2L, "two", "ops:bob"),
                        org.assertj.core.groups.Tuple.tuple(1L, "one", "ops:alice"));
        assertThat(policies.history(2)).hasSize(2);
    }

    @Test
    void everySaveAndActivationIsAuditedWithItsAuthorAndComment() {
        policies.saveAndActivate("{\"v\":1}", ALICE, "one");
        policies.saveAndActivate("{\"v\":2}", ALICE, "two");
        policies.activate(new PolicyVersionNumber(1), BOB, "roll back: v2 blocked Huabei everywhere");

        List<AuditEntry> trail = auditLog.forSubjectKind("policy", 10);

        assertThat(trail).extracting(e -> e.action(), e -> e.subject(), e -> e.actor(), e -> e.detail()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.POLICY_VERSION_ACTIVATED, new AuditSubject("policy", "1"), BOB,
                        "roll back: v2 blocked Huabei everywhere"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.POLICY_VERSION_SAVED, new AuditSubject("policy", "2"), ALICE, "two"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.POLICY_VERSION_SAVED, new AuditSubject("policy", "1"), ALICE, "one"));
        assertThat(trail).allSatisfy(e -> assertThat(e.merchantId()).isNull());
    }

    @Test
    void anOlderVersionCanBeActivatedAgainWithoutCreatingANewOne() {
        PolicyVersion first = policies.saveAndActivate("{\"v\":1}", ALICE, "one");
        policies.saveAndActivate("{\"v\":2}", ALICE, "two");

        assertThat(policies.activate(first.number(), BOB, "back")).isEqualTo(first);

        assertThat(policies.active()).contains(first);
        assertThat(policies.history(10)).hasSize(2);
        assertThat(policies.saveAndActivate("{\"v\":3}", ALICE, "three").number().value()).isEqualTo(3);
    }

    @Test
    void activatingAVersionThatDoesNotExistIsRefusedAndChangesNothing() {
        PolicyVersion first = policies.saveAndActivate("{\"v\":1}", ALICE, "one");

        assertThatThrownBy(() -> policies.activate(new PolicyVersionNumber(7), BOB, "typo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");

        assertThat(policies.active()).contains(first);
        assertThat(auditLog.forSubjectKind("policy", 10)).hasSize(1);
    }

    @Test
    void aRefusedSaveLeavesNeitherAVersionNorAnAuditEntry() {
        assertThatThrownBy(() -> policies.saveAndActivate("   ", ALICE, "blank")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policies.saveAndActivate("{}", ALICE, "x".repeat(1001))).isInstanceOf(IllegalArgumentException.class);

        assertThat(policies.active()).isEmpty();
        assertThat(auditLog.recent(10)).isEmpty();
    }

    @Test
    void concurrentSavesGetConsecutiveNumbersAndTheLastOneIsActive() throws Exception {
        int threads = 2;
        int savesEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<Long>> saver = () -> {
                    start.await();
                    List<Long> numbers = new ArrayList<>();
                    for (int i = 0; i < savesEach; i++) {
                        numbers.add(policies.saveAndActivate("{\"t\":" + thread + ",\"i\":" + i + "}", ALICE, "t" + thread).number().value());
                    }
                    return numbers;
                };
                results.add(pool.submit(saver));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get());
            }

            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, threads * savesEach).boxed().toList());
            assertThat(policies.active().orElseThrow().number().value()).isEqualTo(threads * savesEach);
            assertThat(auditLog.forSubjectKind("policy", 100)).hasSize(threads * savesEach);
        } finally {
            pool.shutdownNow();
        }
    }
}
