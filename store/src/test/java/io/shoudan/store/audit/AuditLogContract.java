package io.shoudan.store.audit;

import io.shoudan.merchant.MerchantId;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class AuditLogContract extends StoreContract {

    private static final Operator OPS = new Operator("ops:alice");
    private static final AuditAction REVIEWED = new AuditAction("MERCHANT.REVIEWED");

    private AuditLog auditLog;

    AuditLogContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        auditLog = new AuditLog(database, clock);
    }

    @Test
    void anEntryReadsBackAsAppendedWithAndWithoutOptionalFields() {
        AuditEntry full = auditLog.append(OPS, REVIEWED, new AuditSubject("merchant", "M1"), new MerchantId("M1"),
                "{\"result\":\"passed\",\"note\":\"资质齐全\"}");
        clock.advance(Duration.ofSeconds(1));
        AuditEntry bare = auditLog.append(Operator.SYSTEM, AuditAction.POLICY_VERSION_SAVED, new AuditSubject("policy", "1"), null, null);

        assertThat(auditLog.recent(10)).containsExactly(bare, full);
        assertThat(full.id().value()).isLessThan(bare.id().value());
        assertThat(bare.occurredAt()).isEqualTo(full.occurredAt().plusSeconds(1));
    }

    @Test
    void entriesAreFoundByMerchantAndBySubjectNewestFirst() {
        AuditEntry first = auditLog.append(OPS, REVIEWED, new AuditSubject("merchant", "M1"), new MerchantId("M1"), "1");
        auditLog.append(OPS, REVIEWED, new AuditSubject("merchant", "M2"), new MerchantId("M2"), "2");
        AuditEntry third = auditLog.append(OPS, new AuditAction("TERMINAL.LOCKED"), new AuditSubject("terminal", "SN-1"),
                new MerchantId("M1"), "3");

        assertThat(auditLog.forMerchant(new MerchantId("M1"), 10)).containsExactly(third, first);
        assertThat(auditLog.forSubject(new AuditSubject("merchant", "M1"), 10)).containsExactly(first);
        assertThat(auditLog.forSubjectKind("terminal", 10)).containsExactly(third);
        assertThat(auditLog.recent(2)).hasSize(2).first().isEqualTo(third);
    }

    @Test
    void aListMustAskForBetweenOneAndAThousandEntries() {
        assertThatThrownBy(() -> auditLog.recent(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> auditLog.recent(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(auditLog.recent(1000)).isEmpty();
    }
}
