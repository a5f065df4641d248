package io.shoudan.store.payment;

import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.RateCardId;
import io.shoudan.ledger.Account;
import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalId;
import io.shoudan.ledger.JournalKind;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.ledger.Posting;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Failure;
import io.shoudan.payment.IdempotencyKey;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.LedgerAudit;
import io.shoudan.payment.Operation;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.PaymentStore;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.Refund;
import io.shoudan.payment.RefundId;
import io.shoudan.payment.RefundInsertion;
import io.shoudan.payment.RefundKind;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.testing.PaymentStoreContract;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.HashScannedCodes;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.TestClock;
import io.shoudan.store.testing.TestDatabase;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TraceNo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.shoudan.store.database.schema.Tables.IDEMPOTENCY_KEYS;
import static io.shoudan.store.database.schema.Tables.LEDGER_POSTINGS;
import static io.shoudan.store.database.schema.Tables.PAYMENTS;
import static io.shoudan.store.database.schema.Tables.REFUNDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Core's {@link PaymentStoreContract} held against {@link JooqPaymentStore} on a fresh database per
 * test, plus what only a database can get wrong: every field of the aggregate surviving the columns
 * and JSON, the raw channel code and verdict where the schema keeps them, concurrent inserts of one key.
 */
abstract class JooqPaymentStoreContract extends PaymentStoreContract {

    private final TestDatabase kind;
    private TestDatabase.FreshDatabase fresh;
    protected Database database;

    JooqPaymentStoreContract(TestDatabase kind) {
        this.kind = kind;
    }

    @Override
    protected PaymentStore newStore() {
        fresh = kind.open();
        database = fresh.database();
        MerchantRepository merchants = new MerchantRepository(database, new TestClock(NOW), ZoneId.of("Asia/Shanghai"));
        for (MerchantId merchant : List.of(PaymentWorld.MERCHANT, PaymentWorld.OTHER_MERCHANT)) {
            merchants.save(Fixtures.merchant(merchant.value()));
        }
        return new JooqPaymentStore(database);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void aDeclinedPaymentKeepsEveryReasonOfItsVerdictWithItsEvidenceAndTheGateAsRawCode() {
        List<Reason> reasons = List.of(
                Reason.of(ReasonCode.MERCHANT_LIMIT_EXCEEDED, "limit", "5000.00", "methods", List.of("ALIPAY", "HUABEI")),
                Reason.of(ReasonCode.OPERATION_INVALID_AMOUNT, "amount", "-1.00"));
        Payment declined = Payment.declined(new PaymentId("P1"), PaymentWorld.sale("K1", PaymentMethod.ALIPAY, "-1.00"), NOW, reasons);

        assertThat(store.insertPayment(declined)).isEmpty();

        assertThat(store.findPayment(declined.id())).contains(declined);
        var row = database.dsl().selectFrom(PAYMENTS).fetchSingle();
        assertThat(row.getRawChannelCode()).isEqualTo("GATE");
        assertThat(row.getFailureReason()).isEqualTo("MERCHANT_LIMIT_EXCEEDED");
        assertThat(row.getReasonCodes()).isEqualTo("MERCHANT_LIMIT_EXCEEDED,OPERATION_INVALID_AMOUNT");
        assertThat(row.getVerdict()).contains("\"methods\",[\"ALIPAY\",\"HUABEI\"]");
    }

    @Test
    void aScannedCodeIsStoredOnlyAsItsFingerprintAndMaskedFormAndStillRecognisesTheRetry() {
        SaleRequest request = PaymentWorld.sale("K1", PaymentMethod.ALIPAY, "10.00");
        Instrument.ScannedCode scanned = (Instrument.ScannedCode) request.instrument();
        store.insertPayment(Payment.declined(new PaymentId("P1"), request, NOW, List.of(Reason.of(ReasonCode.CONSUMER_PAYMENT_CODE_INVALID))));

        var row = database.dsl().selectFrom(PAYMENTS).fetchSingle();
        assertThat(row.intoList().toString()).doesNotContain(scanned.code());
        assertThat(row.getInstrumentValue()).isEqualTo(scanned.fingerprint());
        assertThat(row.getPaymentCodeMasked()).isEqualTo(scanned.masked());
        SaleRequest stored = store.findPayment(new PaymentId("P1")).orElseThrow().request();
        assertThat(((Instrument.ScannedCode) stored.instrument()).spent()).isTrue();
        assertThat(stored.firstDifference(PaymentWorld.sale("K1", PaymentMethod.ALIPAY, "10.00"))).isEmpty();
        assertThat(stored.firstDifference(new SaleRequest(request.merchant(), request.terminal(), request.request(), request.method(),
                request.amount(), request.installments(), new Instrument.ScannedCode("280000000000000001")))).contains("paymentCode");
    }

    @Test
    void migrationV8ReplacesTheCodesStoredBeforeItByTheirFingerprintOnce() {
        SaleRequest request = PaymentWorld.sale("K1", PaymentMethod.ALIPAY, "10.00");
        Payment payment = Payment.declined(new PaymentId("P1"), request, NOW, List.of(Reason.of(ReasonCode.CONSUMER_PAYMENT_CODE_INVALID)));
        store.insertPayment(payment);
        String code = ((Instrument.ScannedCode) request.instrument()).code();
        // as a row written before V8: the code itself, and no masked form
        database.dsl().update(PAYMENTS).set(PAYMENTS.INSTRUMENT_VALUE, code).set(PAYMENTS.PAYMENT_CODE_MASKED, (String) null).execute();

        assertThat(database.dsl().connectionResult(HashScannedCodes::hashAll)).isEqualTo(1);
        assertThat(database.dsl().connectionResult(HashScannedCodes::hashAll)).isZero();

        var row = database.dsl().selectFrom(PAYMENTS).fetchSingle();
        assertThat(row.getInstrumentValue()).isEqualTo(Instrument.ScannedCode.fingerprintOf(code));
        assertThat(row.getPaymentCodeMasked()).isEqualTo("2840**********1234");
        assertThat(store.findPayment(payment.id())).contains(payment);
    }

    @ParameterizedTest
    @CsvSource({
            "UNIONPAY_DEBIT,  0,  BUYER",
            "HUABEI,          0,  BUYER",
            "HUABEI,          3,  BUYER",
            "HUABEI,          12, MERCHANT",
            "WECHAT_PAY,      0,  BUYER"})
    void everyFieldOfAFailedPaymentSurvivesTheRoundTrip(PaymentMethod method, int installments, InstallmentFeeBearer bearer) {
        SaleRequest base = PaymentWorld.sale("any", method, "1234.56");
        RequestId.Terminal fromTerminal = new RequestId.Terminal(new TerminalId("12345678"), new BatchNo(1), new TraceNo(123));
        SaleRequest request = new SaleRequest(base.merchant(), base.terminal(), fromTerminal, method, base.amount(),
                io.shoudan.fee.Installments.of(installments, bearer), base.instrument());
        FeeQuote quote = new FeeQuote(new RateCardId("RC-1"), 3, request.amount(),
                new FeeSplit(Money.parse("7.41"), bearer == InstallmentFeeBearer.MERCHANT ? Money.parse("92.59") : Money.ZERO),
                bearer == InstallmentFeeBearer.BUYER && installments > 0 ? Money.parse("28.40") : Money.ZERO);
        Payment processing = Payment.processing(new PaymentId("P1"), request, NOW.plusNanos(123_456_000), List.of(
                Reason.of(ReasonCode.TERMINAL_FIRMWARE_TOO_OLD, "required", "3.2.0", "actual", "3.1.4")), quote);
        store.insertPayment(processing);
        Payment unknown = processing.unknown(NOW.plusSeconds(30), new RawCode("USERPAYING"));
        store.updatePayment(unknown, List.of());
        Payment failed = unknown.failed(NOW.plusSeconds(60),
                new Failure(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS, new RawCode("40004/ACQ.BUYER_BALANCE_NOT_ENOUGH")));
        store.updatePayment(failed, List.of());

        assertThat(store.findPayment(processing.id())).contains(failed);
        var row = database.dsl().selectFrom(PAYMENTS).fetchSingle();
        assertThat(row.getRawChannelCode()).isEqualTo("40004/ACQ.BUYER_BALANCE_NOT_ENOUGH");
        assertThat(row.getRequestKind()).isEqualTo("TERMINAL");
        assertThat(row.getTerminalId()).isEqualTo("12345678");
        assertThat(row.getBatchNo()).isEqualTo(1);
        assertThat(row.getTraceNo()).isEqualTo(123);
        assertThat(row.getRequestId()).isEqualTo("12345678-000001-000123");
        assertThat(row.getFeeFen()).isEqualTo(quote.total().fen());
        assertThat(row.getCompletedAt()).isNotNull();
    }

    @Test
    void aClientsRequestIdInTheOldBatchTraceShapeIsStoredWithoutBatchOrTrace() {
        Payment processing = processing("P1", "000001-000123");
        store.insertPayment(processing);

        var row = database.dsl().selectFrom(PAYMENTS).fetchSingle();
        assertThat(row.getRequestKind()).isEqualTo("CLIENT");
        assertThat(row.getTerminalId()).isNull();
        assertThat(row.getBatchNo()).isNull();
        assertThat(row.getTraceNo()).isNull();
        assertThat(store.findPayment(processing.id()).orElseThrow().request().request()).isEqualTo(new RequestId.Client("000001-000123"));
    }

    @Test
    void aTerminalsVoidMadeByAReversalKeepsItsOwnAndItsOriginalsTerminalBatchAndTrace() {
        RequestId.Terminal original = new RequestId.Terminal(new TerminalId("12345678"), new BatchNo(7), new TraceNo(41));
        SaleRequest base = PaymentWorld.sale("any", PaymentMethod.ALIPAY, "12.34");
        SaleRequest request = new SaleRequest(base.merchant(), base.terminal(), original, base.method(), base.amount(),
                base.installments(), base.instrument());
        Payment processing = Payment.processing(new PaymentId("P1"), request, NOW, List.of(),
                new FeeQuote(new RateCardId("RC-1"), 1, request.amount(), new FeeSplit(Money.parse("0.07"), Money.ZERO), Money.ZERO));
        store.insertPayment(processing);
        Payment done = succeeded(processing);
        store.updatePayment(done, List.of());
        Refund refund = Refund.pending(new RefundId("R1"), done, original.reversal(), RefundKind.VOID, done.amount(), NOW);
        store.insertRefund(refund, done.reserve(done.amount(), NOW));

        assertThat(store.findRefund(refund.id())).contains(refund);
        var row = database.dsl().selectFrom(REFUNDS).fetchSingle();
        assertThat(List.of(row.getRequestKind(), row.getTerminalId(), row.getBatchNo(), row.getTraceNo(), row.getRequestId()))
                .containsExactly("REVERSAL", "12345678", 7, 41, "12345678-000007-000041-R");
        assertThat(List.of(row.getOriginalKind(), row.getOriginalTerminalId(), row.getOriginalBatchNo(), row.getOriginalTraceNo()))
                .containsExactly("TERMINAL", "12345678", 7, 41);
    }

    /** The rows as the store wrote them before V10: a request id's text only, the old regex's batch / trace of a client's id. */
    private void asWrittenBeforeV10() {
        database.dsl().execute("UPDATE payments SET request_kind = 'CLIENT', terminal_id = NULL, batch_no = NULL, trace_no = NULL");
        database.dsl().execute("UPDATE payments SET batch_no = 1, trace_no = 123 WHERE request_id = '000001-000123'");
        database.dsl().execute("UPDATE refunds SET request_kind = 'CLIENT', terminal_id = NULL, batch_no = NULL, trace_no = NULL,"
                + " original_kind = 'CLIENT', original_terminal_id = NULL, original_batch_no = NULL, original_trace_no = NULL");
    }

    /** The data statements of V10 as it ships, run again over rows made to look older. */
    private void runV10DataStatements() throws Exception {
        String script;
        try (var in = JooqPaymentStore.class.getResourceAsStream("/db/migration/V10__terminal_request_ids.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String withoutComments = script.lines().filter(line -> !line.startsWith("--")).collect(java.util.stream.Collectors.joining("\n"));
        for (String statement : withoutComments.split(";")) {
            if (statement.strip().startsWith("UPDATE")) {
                database.dsl().execute(statement);
            }
        }
    }

    @Test
    void rowsWrittenBeforeV10AreSplitIntoTerminalBatchAndTraceByItsMigration() throws Exception {
        RequestId.Terminal original = new RequestId.Terminal(new TerminalId("AB12CD34"), new BatchNo(2), new TraceNo(17));
        SaleRequest base = PaymentWorld.sale("any", PaymentMethod.ALIPAY, "12.34");
        Payment processing = Payment.processing(new PaymentId("P1"), new SaleRequest(base.merchant(), base.terminal(), original,
                base.method(), base.amount(), base.installments(), base.instrument()), NOW, List.of(),
                new FeeQuote(new RateCardId("RC-1"), 1, base.amount(), new FeeSplit(Money.parse("0.07"), Money.ZERO), Money.ZERO));
        store.insertPayment(processing);
        Payment done = succeeded(processing);
        store.updatePayment(done, List.of());
        Refund voided = Refund.pending(new RefundId("R1"), done, original.reversal(), RefundKind.VOID, done.amount(), NOW);
        store.insertRefund(voided, done.reserve(done.amount(), NOW));
        Payment client = processing("P2", "000001-000123");
        store.insertPayment(client);
        Payment before = store.findPayment(processing.id()).orElseThrow();

        asWrittenBeforeV10();
        runV10DataStatements();

        assertThat(store.findPayment(processing.id())).contains(before);
        assertThat(store.findRefund(voided.id())).contains(voided);
        assertThat(store.findPayment(client.id())).contains(client);
        var clientRow = database.dsl().selectFrom(PAYMENTS).where(PAYMENTS.PAYMENT_ID.eq("P2")).fetchSingle();
        assertThat(List.of(clientRow.getRequestKind(), String.valueOf(clientRow.getBatchNo()), String.valueOf(clientRow.getTraceNo())))
                .containsExactly("CLIENT", "null", "null");
    }

    @Test
    void aSucceededPaymentWithRefundsKeepsItsJournalsInTheOrderTheyWereBooked() {
        Payment processing = processing("P1", "K1");
        store.insertPayment(processing);
        Payment done = succeeded(processing);
        store.updatePayment(done, List.of(sale(done), fee(done)));
        Payment current = done;
        List<RefundId> refunds = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Refund refund = Refund.pending(new RefundId("R" + i), current, new RequestId.Client("RK" + i), RefundKind.REFUND, Money.parse("1.00"), NOW);
            Payment reserving = current.reserve(Money.parse("1.00"), NOW);
            assertThat(store.insertRefund(refund, reserving)).isEqualTo(new RefundInsertion.Inserted());
            FeeSplit back = new FeeSplit(Money.parse("0.01"), Money.ZERO);
            Refund finished = refund.succeeded(back, new RawCode("10000"), NOW);
            current = reserving.refundDone(RefundKind.REFUND, Money.parse("1.00"), back, NOW, new RawCode("10000"));
            store.updateRefund(finished, current, List.of(refundJournal(finished)));
            refunds.add(refund.id());
            assertThat(store.findRefund(refund.id())).contains(finished);
        }

        assertThat(store.findPayment(processing.id())).contains(current);
        List<Journal> journals = store.journalsOf(processing.id());
        assertThat(journals).extracting(Journal::kind).startsWith(JournalKind.SALE, JournalKind.FEE);
        assertThat(journals.stream().filter(journal -> journal.adjustment() != null).map(Journal::adjustment).distinct().toList())
                .containsExactlyElementsOf(refunds);
        List<Journal> streamed = new ArrayList<>();
        store.forEachJournal(streamed::add);
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(journals);
        assertThat(store.refundsOf(processing.id())).extracting(Refund::id).containsExactlyElementsOf(refunds);
    }

    private static Journal fee(Payment payment) {
        return new Journal(JournalId.of(payment.id(), JournalKind.FEE), JournalKind.FEE, payment.merchant(), payment.id(), null, NOW,
                List.of(Posting.debit(new Account.MerchantPayable(payment.merchant()), payment.fee().total()),
                        Posting.credit(Account.FEE_INCOME, payment.fee().total())));
    }

    private static Journal refundJournal(Refund refund) {
        return new Journal(JournalId.of(refund.id(), JournalKind.REFUND), JournalKind.REFUND, refund.merchant(), refund.payment(),
                refund.id(), NOW, List.of(Posting.debit(new Account.MerchantPayable(refund.merchant()), refund.amount()),
                        Posting.credit(new Account.ChannelReceivable(Channel.ALIPAY), refund.amount())));
    }

    @Test
    void aFailedRefundKeepsTheReasonAndTheChannelsRawCode() {
        Payment processing = processing("P1", "K1");
        store.insertPayment(processing);
        Payment done = succeeded(processing);
        store.updatePayment(done, List.of());
        Refund refund = Refund.pending(new RefundId("R1"), done, new RequestId.Client("RK1"), RefundKind.VOID, done.amount(), NOW);
        Payment reserving = done.reserve(done.amount(), NOW);
        store.insertRefund(refund, reserving);
        Refund failed = refund.failed(new Failure(ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE, new RawCode("ACQ.TRADE_STATUS_ERROR")), NOW);
        store.updateRefund(failed, reserving.release(done.amount(), NOW), List.of());

        assertThat(store.findRefund(refund.id())).contains(failed);
        assertThat(store.findKey(new IdempotencyKey(PaymentWorld.MERCHANT, new RequestId.Client("RK1"))))
                .hasValueSatisfying(record -> assertThat(record.operation()).isEqualTo(Operation.VOID));
    }

    @Test
    void theLedgerCheckFindsAPostingWithoutItsJournalAndAJournalWithoutPostings() {
        Payment processing = processing("P1", "K1");
        store.insertPayment(processing);
        Payment done = succeeded(processing);
        store.updatePayment(done, List.of(sale(done), fee(done)));
        assertThat(LedgerAudit.check(store).passed()).isTrue();

        // V6 dropped the foreign key (a sale writes both in one statement); nothing but the check stands guard
        database.dsl().insertInto(LEDGER_POSTINGS).set(LEDGER_POSTINGS.MERCHANT_ID, done.merchant().value())
                .set(LEDGER_POSTINGS.JOURNAL_ID, "J-LOST").set(LEDGER_POSTINGS.POSTING_NO, 1)
                .set(LEDGER_POSTINGS.ACCOUNT, "FEE_INCOME").set(LEDGER_POSTINGS.AMOUNT_FEN, 100L)
                .set(LEDGER_POSTINGS.CREATED_AT, database.dsl().selectFrom(PAYMENTS).fetchSingle().getCreatedAt()).execute();
        database.dsl().deleteFrom(LEDGER_POSTINGS).where(LEDGER_POSTINGS.JOURNAL_ID.eq(sale(done).id().value())).execute();

        LedgerReport report = LedgerAudit.check(store);

        assertThat(report.passed()).isFalse();
        assertThat(report.findings()).filteredOn(finding -> !finding.held())
                .extracting(LedgerReport.Finding::detail).first().asString()
                .contains("posting " + done.merchant().value() + "/J-LOST#1 has no journal")
                .contains("journal " + done.merchant().value() + "/" + sale(done).id().value() + " has no postings");
    }

    @Test
    void forEachPaymentStreamsEveryPaymentOnce() {
        Set<PaymentId> written = new java.util.HashSet<>();
        for (int i = 0; i < 1_200; i++) {
            Payment payment = processing("P" + i, "K" + i);
            store.insertPayment(payment);
            written.add(payment.id());
        }
        List<PaymentId> seen = new ArrayList<>();
        store.forEachPayment(payment -> seen.add(payment.id()));

        assertThat(seen).hasSize(written.size()).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void eightConcurrentInsertsOfOneKeyCreateOnePaymentAndAnswerTheOthersWithIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> inserts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Payment copy = processing("P" + i, "K1");
                inserts.add(() -> store.insertPayment(copy).isEmpty());
            }
            int won = 0;
            for (Future<Boolean> result : pool.invokeAll(inserts)) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(database.dsl().fetchCount(PAYMENTS)).isEqualTo(1);
        assertThat(database.dsl().fetchCount(IDEMPOTENCY_KEYS)).isEqualTo(1);
        assertThat(store.unresolvedPayments()).singleElement().satisfies(payment ->
                assertThat(payment.state()).isEqualTo(PaymentState.PROCESSING));
    }

    @Test
    void aWriteOfAPaymentThatWasNeverInsertedFailsLoudly() {
        Payment ghost = succeeded(processing("P9", "K9"));

        assertThatThrownBy(() -> store.updatePayment(ghost, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P9 does not exist");
    }
}
