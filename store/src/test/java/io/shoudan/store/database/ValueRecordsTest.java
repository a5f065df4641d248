package io.shoudan.store.database;

import io.shoudan.store.database.schema.tables.records.IdempotencyKeysRecord;
import io.shoudan.store.database.schema.tables.records.PaymentsRecord;
import org.jooq.exception.DetachedException;
import org.junit.jupiter.api.Test;

import static io.shoudan.store.database.schema.Tables.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueRecordsTest {

    @Test
    void every_value_record_shares_one_configuration_so_setting_a_key_column_builds_none() {
        PaymentsRecord payment = ValueRecords.of(new PaymentsRecord());
        IdempotencyKeysRecord key = ValueRecords.of(new IdempotencyKeysRecord());

        payment.setMerchantId("M000001");
        payment.setPaymentId("P1");
        key.setMerchantId("M000001");

        assertThat(payment.configuration()).isNotNull().isSameAs(key.configuration());
        assertThat(payment.getMerchantId()).isEqualTo("M000001");
        assertThat(payment.changed(PAYMENTS.PAYMENT_ID)).isTrue();
    }

    @Test
    void a_value_record_cannot_be_written_through_jooq_because_its_configuration_has_no_connection() {
        PaymentsRecord payment = ValueRecords.of(new PaymentsRecord());
        payment.setMerchantId("M000001");
        payment.setPaymentId("P1");

        assertThatThrownBy(payment::store).isInstanceOf(DetachedException.class);
    }
}
