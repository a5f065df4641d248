package io.shoudan.store.database;

import io.shoudan.method.PaymentMethod;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static io.shoudan.store.database.schema.Tables.FEE_INSTALLMENT_RATES;
import static io.shoudan.store.database.schema.Tables.FEE_RATE_CARDS;
import static io.shoudan.store.database.schema.Tables.LEDGER_JOURNALS;
import static io.shoudan.store.database.schema.Tables.LEDGER_POSTINGS;
import static io.shoudan.store.database.schema.Tables.PAYMENTS;
import static io.shoudan.store.database.schema.Tables.REFUNDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tables whose repositories come with the payment service (payments, refunds, ledger, fees):
 * their constraints hold the same on both databases, so the service can rely on them.
 */
abstract class SchemaContract extends StoreContract {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T02:00:00Z");

    SchemaContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        MerchantRepository merchants = new MerchantRepository(database, clock, ZoneId.of("Asia/Shanghai"));
        merchants.save(Fixtures.merchant("M1"));
        merchants.save(Fixtures.merchant("M2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATED", "PROCESSING", "SUCCEEDED", "FAILED", "DECLINED", "UNKNOWN", "REVERSED", "VOIDED",
            "PARTIALLY_REFUNDED", "REFUNDED"})
    void aPaymentMayBeInEveryStateOfTheStateMachine(String state) {
        Fixtures.insertPayment(database, "M1", "P1", PaymentMethod.HUABEI, state, 1, AT);

        assertThat(database.dsl().fetchValue(DSL.select(PAYMENTS.STATE).from(PAYMENTS))).isEqualTo(state);
    }

    @Test
    void aPaymentInAStateOutsideTheStateMachineIsRefused() {
        assertThatThrownBy(() -> Fixtures.insertPayment(database, "M1", "P1", PaymentMethod.ALIPAY, "PAID", 100, AT))
                .isInstanceOf(IntegrityConstraintViolationException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void aPaymentOfNoMoneyIsRefused(long amountFen) {
        assertThatThrownBy(() -> Fixtures.insertPayment(database, "M1", "P1", PaymentMethod.ALIPAY, "CREATED", amountFen, AT))
                .isInstanceOf(IntegrityConstraintViolationException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void aDeclinedPaymentMayCarryTheAmountTheCashierTyped(long amountFen) {
        Fixtures.insertPayment(database, "M1", "P1", PaymentMethod.ALIPAY, "DECLINED", amountFen, AT);

        assertThat(database.dsl().fetchValue(DSL.select(PAYMENTS.AMOUNT_FEN).from(PAYMENTS))).isEqualTo(amountFen);
    }

    @Test
    void refundedMayReachButNeverExceedTheAmount() {
        Fixtures.insertPayment(database, "M1", "P1", PaymentMethod.ALIPAY, "SUCCEEDED", 100, AT);

        assertThat(database.dsl().update(PAYMENTS).set(PAYMENTS.REFUNDED_FEN, 100L).execute()).isEqualTo(1);
        assertThatThrownBy(() -> database.dsl().update(PAYMENTS).set(PAYMENTS.REFUNDED_FEN, 101L).execute())
                .isInstanceOf(IntegrityConstraintViolationException.class);
    }

    @Test
    void theRowVersionLetsOnlyOneOfTwoWritersOfTheSameVersionWin() {
        Fixtures.insertPayment(database, "M1", "P1", PaymentMethod.ALIPAY, "PROCESSING", 100, AT);

        int first = casState(1, "SUCCEEDED");
        int second = casState(1, "REVERSED");

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(database.dsl().fetchValue(DSL.select(PAYMENTS.STATE).from(PAYMENTS))).isEqualTo("SUCCEEDED");
    }

    private int casState(int expectedVersion, String state) {
        return database.dsl().update(PAYMENTS)
                .set(PAYMENTS.STATE, state)
                .set(PAYMENTS.ROW_VERSION, PAYMENTS.ROW_VERSION.plus(1))
                .where(PAYMENTS.MERCHANT_ID.eq("M1"), PAYMENTS.PAYMENT_ID.eq("P1"), PAYMENTS.ROW_VERSION.eq(expectedVersion))
                .execute();
    }

    @Test
    void aRefundBelongsToAPaymentOfTheSameMerchant() {
        Fixtures.insertPayment(database, "M1", "P1", PaymentMethod.ALIPAY, "SUCCEEDED", 100, AT);

        insertRefund("M1", "R1", "P1", 40);
        assertThatThrownBy(() -> insertRefund("M2", "R2", "P1", 40)).isInstanceOf(IntegrityConstraintViolationException.class);
        assertThatThrownBy(() -> insertRefund("M1", "R3", "P1", 0)).isInstanceOf(IntegrityConstraintViolationException.class);
    }

    private void insertRefund(String merchantId, String refundId, String paymentId, long amountFen) {
        database.dsl().insertInto(REFUNDS)
                .set(REFUNDS.MERCHANT_ID, merchantId)
                .set(REFUNDS.REFUND_ID, refundId)
                .set(REFUNDS.PAYMENT_ID, paymentId)
                .set(REFUNDS.REQUEST_ID, "req-" + refundId)
                .set(REFUNDS.STATE, "PENDING")
                .set(REFUNDS.AMOUNT_FEN, amountFen)
                .set(REFUNDS.CREATED_AT, AT)
                .set(REFUNDS.UPDATED_AT, AT)
                .set(REFUNDS.ROW_VERSION, 1)
                .execute();
    }

    @Test
    void aJournalsPostingsSumToZeroAndAZeroPostingIsRefused() {
        database.dsl().insertInto(LEDGER_JOURNALS)
                .set(LEDGER_JOURNALS.MERCHANT_ID, "M1")
                .set(LEDGER_JOURNALS.JOURNAL_ID, "J1")
                .set(LEDGER_JOURNALS.KIND, "PAYMENT")
                .set(LEDGER_JOURNALS.PAYMENT_ID, "P1")
                .set(LEDGER_JOURNALS.CREATED_AT, AT)
                .execute();
        posting(1, "CHANNEL_RECEIVABLE:ALIPAY", 10_000);
        posting(2, "MERCHANT_PAYABLE:M1", -9_962);
        posting(3, "FEE_INCOME", -38);

        BigDecimal sum = database.dsl().select(DSL.sum(LEDGER_POSTINGS.AMOUNT_FEN)).from(LEDGER_POSTINGS)
                .where(LEDGER_POSTINGS.MERCHANT_ID.eq("M1"), LEDGER_POSTINGS.JOURNAL_ID.eq("J1")).fetchSingle().value1();
        assertThat(sum.longValueExact()).isZero();
        assertThatThrownBy(() -> posting(4, "FEE_INCOME", 0)).isInstanceOf(IntegrityConstraintViolationException.class);
    }

    private void posting(int postingNo, String account, long amountFen) {
        database.dsl().insertInto(LEDGER_POSTINGS)
                .set(LEDGER_POSTINGS.MERCHANT_ID, "M1")
                .set(LEDGER_POSTINGS.JOURNAL_ID, "J1")
                .set(LEDGER_POSTINGS.POSTING_NO, postingNo)
                .set(LEDGER_POSTINGS.ACCOUNT, account)
                .set(LEDGER_POSTINGS.AMOUNT_FEN, amountFen)
                .set(LEDGER_POSTINGS.CREATED_AT, AT)
                .execute();
    }

    @Test
    void aHuabeiRateCardCarriesItsInstallmentRatesAndWhoBearsThem() {
        rateCard(100);
        for (int[] rate : new int[][] {{3, 18_000}, {6, 45_000}, {12, 75_000}}) {
            database.dsl().insertInto(FEE_INSTALLMENT_RATES)
                    .set(FEE_INSTALLMENT_RATES.MERCHANT_ID, "M1")
                    .set(FEE_INSTALLMENT_RATES.PAYMENT_METHOD, "HUABEI")
                    .set(FEE_INSTALLMENT_RATES.RATE_CARD_VERSION, 1)
                    .set(FEE_INSTALLMENT_RATES.INSTALLMENTS, rate[0])
                    .set(FEE_INSTALLMENT_RATES.RATE_PPM, rate[1])
                    .execute();
        }

        assertThat(database.dsl().fetchCount(FEE_INSTALLMENT_RATES)).isEqualTo(3);
        assertThatThrownBy(() -> rateCard(50)).isInstanceOf(IntegrityConstraintViolationException.class);
    }

    private void rateCard(int hbFqSellerPercent) {
        database.dsl().insertInto(FEE_RATE_CARDS)
                .set(FEE_RATE_CARDS.MERCHANT_ID, "M1")
                .set(FEE_RATE_CARDS.PAYMENT_METHOD, "HUABEI")
                .set(FEE_RATE_CARDS.RATE_CARD_VERSION, hbFqSellerPercent == 100 ? 1 : 2)
                .set(FEE_RATE_CARDS.EFFECTIVE_FROM, LocalDate.parse("2026-11-01"))
                .set(FEE_RATE_CARDS.RATE_PPM, 6_000)
                .set(FEE_RATE_CARDS.HB_FQ_SELLER_PERCENT, hbFqSellerPercent)
                .set(FEE_RATE_CARDS.CREATED_AT, AT)
                .execute();
    }
}
