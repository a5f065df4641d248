package io.shoudan.store.terminal8583;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyIntegrityException;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.key.MasterKeyCipher;
import io.shoudan.iso8583.key.Sm4Key;
import io.shoudan.iso8583.key.WorkingKeys;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RequestId;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static io.shoudan.store.database.schema.Tables.CARD_VAULT;
import static io.shoudan.store.database.schema.Tables.PAYMENTS;
import static io.shoudan.store.database.schema.Tables.TERMINAL_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class TerminalEndpointStoreContract extends StoreContract {

    private static final TerminalSn SN = new TerminalSn("SN-0001");
    private static final TerminalSn OTHER_SN = new TerminalSn("SN-0002");
    private static final MerchantId MERCHANT = new MerchantId("M1");
    private static final PosIdentity POS = new PosIdentity("12345678", "123456789012345");
    private static final DesKey TMK = DesKey.ofHex("CA5D92598DCA48CE8A4C76361A9269E9");
    private static final DesKey PIK = DesKey.ofHex("0123456789ABCDEFFEDCBA9876543210");
    private static final DesKey MAK = DesKey.ofHex("1111111111111111");
    private static final byte[] MASTER = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");

    private TerminalDirectoryRepository directory;
    private TerminalKeyRepository keys;
    private BatchJournalRepository journal;
    private CardVaultRepository vault;

    TerminalEndpointStoreContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        directory = new TerminalDirectoryRepository(database, clock);
        keys = new TerminalKeyRepository(database, new MasterKeyCipher(MASTER, new SecureRandom()), clock);
        journal = new BatchJournalRepository(database, clock);
        vault = new CardVaultRepository(database, clock, MASTER, new SecureRandom(), Duration.ofDays(7));
    }

    // ---- directory ----

    @Test
    void aBoundPosResolvesToItsTerminalAndMerchant() {
        directory.bind(POS, SN, MERCHANT);

        assertThat(directory.resolve(POS)).contains(new PosBinding(POS, SN, MERCHANT));
        assertThat(directory.bindingOf(SN)).contains(new PosBinding(POS, SN, MERCHANT));
    }

    @ParameterizedTest
    @CsvSource({"12345678, 123456789012346", "12345679, 123456789012345"})
    void aPosWhoseTerminalIdOrMerchantIdDiffersIsUnknown(String terminalId, String acceptorId) {
        directory.bind(POS, SN, MERCHANT);

        assertThat(directory.resolve(new PosIdentity(terminalId, acceptorId))).isEmpty();
    }

    @Test
    void bindingTheSameTripleTwiceChangesNothingButAnotherTerminalUnderThePairIsRefused() {
        directory.bind(POS, SN, MERCHANT);
        directory.bind(POS, SN, MERCHANT);

        assertThat(directory.count()).isEqualTo(1);
        assertThatThrownBy(() -> directory.bind(POS, OTHER_SN, MERCHANT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already bound");
        assertThatThrownBy(() -> directory.bind(new PosIdentity("87654321", "123456789012345"), SN, MERCHANT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already bound");
    }

    @ParameterizedTest
    @CsvSource({"1234567, 123456789012345", "123456789, 123456789012345", "12345678, 12345678901234", "12345678, 1234567890123456"})
    void posIdentitiesHaveTheFieldLengthsOfFields41And42(String terminalId, String acceptorId) {
        assertThatThrownBy(() -> new PosIdentity(terminalId, acceptorId)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- keys ----

    @Test
    void theMasterKeyReadsBackWithItsSchemeAndMacAlgorithmAndIsNotStoredInClear() {
        keys.loadMasterKey(SN, TMK, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);

        TerminalKeyRepository.LoadedMasterKey loaded = keys.masterKey(SN).orElseThrow();
        assertThat(loaded.tmk()).isEqualTo(TMK);
        assertThat(loaded.scheme()).isEqualTo(KeyScheme.TDES);
        assertThat(loaded.mac()).isEqualTo(MacAlgorithm.UNIONPAY_ECB);
        assertThat(keys.session(SN)).isEmpty();
        assertThat(rowText()).doesNotContainIgnoringCase("CA5D92598DCA48CE8A4C76361A9269E9");
    }

    @Test
    void aSignOnReplacesTheWorkingKeysAndASignOffForgetsThem() {
        keys.loadMasterKey(SN, TMK, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);
        Instant issued = clock.instant();
        keys.replaceSession(SN, new WorkingKeys(KeyScheme.TDES, PIK, MAK), issued, issued.plus(Duration.ofHours(24)));
        DesKey newPik = DesKey.ofHex("FEDCBA98765432100123456789ABCDEF");
        DesKey newMak = DesKey.ofHex("2222222222222222");
        keys.replaceSession(SN, new WorkingKeys(KeyScheme.TDES, newPik, newMak), issued.plusSeconds(60), issued.plus(Duration.ofHours(25)));

        TerminalKeyRepository.StoredSession session = keys.session(SN).orElseThrow();
        assertThat(session.keys().pik()).isEqualTo(newPik);
        assertThat(session.keys().mak()).isEqualTo(newMak);
        assertThat(session.issuedAt()).isEqualTo(issued.plusSeconds(60));
        assertThat(session.expiresAt()).isEqualTo(issued.plus(Duration.ofHours(25)));
        assertThat(rowText().toUpperCase(Locale.ROOT)).doesNotContain("FEDCBA98765432100123456789ABCDEF").doesNotContain("2222222222222222");

        keys.clearSession(SN);

        assertThat(keys.session(SN)).isEmpty();
        assertThat(keys.masterKey(SN).orElseThrow().tmk()).isEqualTo(TMK);
    }

    @Test
    void anSm4KeySetRoundTrips() {
        Sm4Key tmk = Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210");
        keys.loadMasterKey(SN, tmk, KeyScheme.SM4, MacAlgorithm.SM4_ECB);
        Sm4Key pik = Sm4Key.ofHex("00112233445566778899AABBCCDDEEFF");
        Sm4Key mak = Sm4Key.ofHex("FFEEDDCCBBAA99887766554433221100");
        keys.replaceSession(SN, new WorkingKeys(KeyScheme.SM4, pik, mak), clock.instant(), clock.instant().plusSeconds(1));

        assertThat(keys.masterKey(SN).orElseThrow().tmk()).isEqualTo(tmk);
        assertThat(keys.session(SN).orElseThrow().keys()).isEqualTo(new WorkingKeys(KeyScheme.SM4, pik, mak));
    }

    @Test
    void workingKeysOfATerminalWithoutTmkOrOfAnotherSchemeAreRefused() {
        WorkingKeys tdes = new WorkingKeys(KeyScheme.TDES, PIK, DesKey.ofHex("1111111111111111"));
        assertThatThrownBy(() -> keys.replaceSession(SN, tdes, clock.instant(), clock.instant().plusSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no TMK");

        keys.loadMasterKey(SN, Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210"), KeyScheme.SM4, MacAlgorithm.SM4_ECB);
        assertThatThrownBy(() -> keys.replaceSession(SN, tdes, clock.instant(), clock.instant().plusSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reloadingTheTmkDropsTheSessionOfTheOldOne() {
        keys.loadMasterKey(SN, TMK, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);
        keys.replaceSession(SN, new WorkingKeys(KeyScheme.TDES, PIK, MAK), clock.instant(), clock.instant().plusSeconds(60));

        keys.loadMasterKey(SN, DesKey.ofHex("11223344556677888877665544332211"), KeyScheme.TDES, MacAlgorithm.X9_19);

        assertThat(keys.session(SN)).isEmpty();
        assertThat(keys.masterKey(SN).orElseThrow().mac()).isEqualTo(MacAlgorithm.X9_19);
    }

    @Test
    void aSealedKeyMovedOntoAnotherTerminalsRowDoesNotOpen() {
        keys.loadMasterKey(SN, TMK, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);
        keys.loadMasterKey(OTHER_SN, DesKey.ofHex("11223344556677888877665544332211"), KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);
        String sealed = database.dsl().select(TERMINAL_KEYS.TMK_SEALED).from(TERMINAL_KEYS)
                .where(TERMINAL_KEYS.TERMINAL_SN.eq(SN.value())).fetchOne(TERMINAL_KEYS.TMK_SEALED);
        database.dsl().update(TERMINAL_KEYS).set(TERMINAL_KEYS.TMK_SEALED, sealed)
                .where(TERMINAL_KEYS.TERMINAL_SN.eq(OTHER_SN.value())).execute();

        assertThatThrownBy(() -> keys.masterKey(OTHER_SN)).isInstanceOf(KeyIntegrityException.class);
    }

    @Test
    void keysSealedUnderAnotherMasterKeyDoNotOpen() {
        keys.loadMasterKey(SN, TMK, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);
        byte[] otherMaster = MASTER.clone();
        otherMaster[0] ^= 1;
        TerminalKeyRepository otherNode = new TerminalKeyRepository(database, new MasterKeyCipher(otherMaster, new SecureRandom()), clock);

        assertThatThrownBy(() -> otherNode.masterKey(SN)).isInstanceOf(KeyIntegrityException.class);
    }

    // ---- batch journal ----

    @Test
    void theJournalKeepsTheFirstEntryOfATraceAndListsABatchInTraceOrder() {
        assertThat(journal.record(entry(1, 3, BatchEntry.Kind.SALE, 1000))).isTrue();
        assertThat(journal.record(entry(1, 1, BatchEntry.Kind.SALE, 2000))).isTrue();
        assertThat(journal.record(entry(1, 2, BatchEntry.Kind.VOID, 2000))).isTrue();
        assertThat(journal.record(entry(1, 3, BatchEntry.Kind.REFUND, 99))).isFalse();
        assertThat(journal.record(entry(2, 1, BatchEntry.Kind.SALE, 500))).isTrue();

        assertThat(journal.entries(SN, 1)).extracting(BatchEntry::traceNo).containsExactly(1, 2, 3);
        assertThat(journal.entries(SN, 1).get(2)).isEqualTo(entry(1, 3, BatchEntry.Kind.SALE, 1000));
        assertThat(journal.entries(SN, 2)).hasSize(1);
        assertThat(journal.entries(OTHER_SN, 1)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"-1, 1", "1000000, 1", "1, -1", "1, 1000000"})
    void batchAndTraceNumbersAreSixDigits(int batch, int trace) {
        assertThatThrownBy(() -> entry(batch, trace, BatchEntry.Kind.SALE, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchZeroAndTrace999999AreTheBoundaries() {
        assertThat(journal.record(entry(0, 999_999, BatchEntry.Kind.SALE, 1))).isTrue();
        assertThat(journal.entries(SN, 0)).extracting(BatchEntry::traceNo).containsExactly(999_999);
    }

    @Test
    void aBatchIsSummedByKindAndSalesByTheStateOfTheirPayment() {
        saveMerchant(MERCHANT);
        sale(MERCHANT, "P1", 1, PaymentState.PARTIALLY_REFUNDED, 10_000, false);
        sale(MERCHANT, "P2", 2, PaymentState.SUCCEEDED, 3_000, false);
        sale(MERCHANT, "P3", 3, PaymentState.VOIDED, 700, false);
        journal.record(entry(1, 4, BatchEntry.Kind.VOID, 700));
        journal.record(entry(1, 5, BatchEntry.Kind.REFUND, 4_000));
        journal.record(entry(1, 6, BatchEntry.Kind.SALE, 1));
        sale(MERCHANT, "P7", 7, PaymentState.SUCCEEDED, 500, true);
        journal.record(entry(2, 1, BatchEntry.Kind.SALE, 999));

        assertThat(journal.sums(SN, MERCHANT, 1)).containsExactly(
                new BatchSum(BatchEntry.Kind.REFUND, null, 1, Money.ofFen(4_000)),
                new BatchSum(BatchEntry.Kind.SALE, PaymentState.PARTIALLY_REFUNDED, 1, Money.ofFen(10_000)),
                new BatchSum(BatchEntry.Kind.SALE, PaymentState.SUCCEEDED, 2, Money.ofFen(3_500)),
                new BatchSum(BatchEntry.Kind.SALE, PaymentState.VOIDED, 1, Money.ofFen(700)),
                new BatchSum(BatchEntry.Kind.SALE, null, 1, Money.ofFen(1)),
                new BatchSum(BatchEntry.Kind.VOID, null, 1, Money.ofFen(700)));
        assertThat(journal.sums(SN, MERCHANT, 3)).isEmpty();
        assertThat(journal.sums(OTHER_SN, MERCHANT, 1)).isEmpty();
    }

    @Test
    void aBatchsLinesNameEachSalesPaymentStateAndWhetherItIsSettled() {
        saveMerchant(MERCHANT);
        sale(MERCHANT, "P2", 2, PaymentState.SUCCEEDED, 3_000, true);
        sale(MERCHANT, "P1", 1, PaymentState.REFUNDED, 10_000, false);
        journal.record(entry(1, 3, BatchEntry.Kind.REFUND, 10_000));

        assertThat(journal.lines(SN, MERCHANT, 1)).containsExactly(
                new BatchLine(entry(1, 1, BatchEntry.Kind.SALE, 10_000), new PaymentId("P1"), PaymentState.REFUNDED, false),
                new BatchLine(entry(1, 2, BatchEntry.Kind.SALE, 3_000), new PaymentId("P2"), PaymentState.SUCCEEDED, true),
                new BatchLine(entry(1, 3, BatchEntry.Kind.REFUND, 10_000), null, null, false));
    }

    @Test
    void anotherMerchantsPaymentUnderTheSameRequestIdIsNotTheSale() {
        MerchantId other = new MerchantId("M2");
        saveMerchant(other);
        sale(other, "P1", 1, PaymentState.SUCCEEDED, 10_000, false);

        assertThat(journal.sums(SN, MERCHANT, 1)).containsExactly(new BatchSum(BatchEntry.Kind.SALE, null, 1, Money.ofFen(10_000)));
        assertThat(journal.lines(SN, MERCHANT, 1)).extracting(BatchLine::sale).containsOnlyNulls();
        assertThat(journal.lines(SN, other, 1)).extracting(BatchLine::sale).containsExactly(new PaymentId("P1"));
    }

    // ---- card vault ----

    @Test
    void aDepositedCardReadsBackAndIsEncryptedAtRest() {
        byte[] pinBlock = HexFormat.of().parseHex("0123456789ABCDEF");
        StoredCard card = new StoredCard("6222020000000000201", "6222020000000000201=2912", "2912", "051", pinBlock, "82E13665");

        String token = vault.deposit(new RequestId.Terminal(new TerminalId("12345678"), new BatchNo(1), new TraceNo(1)), card);

        assertThat(token).startsWith("card-").doesNotContain("6222");
        assertThat(vault.find(token)).contains(card);
        String row = database.dsl().selectFrom(CARD_VAULT).fetchOne().intoList().toString();
        assertThat(row).doesNotContain("6222020000000000201").doesNotContainIgnoringCase("0123456789ABCDEF");
    }

    @Test
    void theTokenRepeatsForTheSameCardAndRequestAndDiffersOtherwise() {
        StoredCard card = new StoredCard("6222020000000000201", null, null, "021", null, null);
        StoredCard other = new StoredCard("6222020000000000219", null, null, "021", null, null);
        RequestId request = new RequestId.Terminal(new TerminalId("12345678"), new BatchNo(1), new TraceNo(1));

        String first = vault.deposit(request, card);

        assertThat(vault.deposit(request, card)).isEqualTo(first);
        assertThat(vault.deposit(request, other)).isNotEqualTo(first);
        assertThat(vault.deposit(new RequestId.Terminal(new TerminalId("12345678"), new BatchNo(1), new TraceNo(2)), card)).isNotEqualTo(first);
        assertThat(vault.count()).isEqualTo(3);
    }

    @Test
    void aPinBlockIsForgottenOnceTranslated() {
        String token = vault.deposit(new RequestId.Client("r1"), new StoredCard("6222020000000000201", null, null, "021",
                new byte[8], "82E13665"));

        assertThat(vault.forgetPinBlock(token)).isTrue();
        assertThat(vault.forgetPinBlock(token)).isFalse();
        assertThat(vault.find(token).orElseThrow().pinBlock()).isNull();
        assertThat(vault.find(token).orElseThrow().pan()).isEqualTo("6222020000000000201");
    }

    @Test
    void cardsArePurgedAtTheRetentionLimitAndNotBefore() {
        String old = vault.deposit(new RequestId.Client("r1"), new StoredCard("6222020000000000201", null, null, "021", null, null));
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        String young = vault.deposit(new RequestId.Client("r2"), new StoredCard("6222020000000000201", null, null, "021", null, null));

        assertThat(vault.purgeExpired()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(vault.purgeExpired()).isEqualTo(1);

        assertThat(vault.find(old)).isEmpty();
        assertThat(vault.find(young)).isPresent();
    }

    @Test
    void aCardRowMovedToAnotherTokenDoesNotOpen() {
        String a = vault.deposit(new RequestId.Client("r1"), new StoredCard("6222020000000000201", null, null, "021", null, null));
        String b = vault.deposit(new RequestId.Client("r2"), new StoredCard("6222020000000000219", null, null, "021", null, null));
        String sealedA = database.dsl().select(CARD_VAULT.CARD_SEALED).from(CARD_VAULT).where(CARD_VAULT.CARD_TOKEN.eq(a))
                .fetchOne(CARD_VAULT.CARD_SEALED);
        database.dsl().update(CARD_VAULT).set(CARD_VAULT.CARD_SEALED, sealedA).where(CARD_VAULT.CARD_TOKEN.eq(b)).execute();

        assertThatThrownBy(() -> vault.find(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("authentication");
    }

    @Test
    void aStoredCardPrintsOnlyTheMaskedPan() {
        StoredCard card = new StoredCard("6222020000000000201", "6222020000000000201=2912", "2912", "051", new byte[8], "82E13665");

        assertThat(card.toString()).contains("622202*********0201").doesNotContain("6222020000000000201").doesNotContain("2912");
    }

    private BatchEntry entry(int batch, int trace, BatchEntry.Kind kind, long fen) {
        return new BatchEntry(SN, batch, trace, kind, Money.ofFen(fen), new RequestId.Terminal(new TerminalId("12345678"), new BatchNo(batch), new TraceNo(trace)));
    }

    private void saveMerchant(MerchantId merchant) {
        new MerchantRepository(database, clock, ZoneId.of("Asia/Shanghai")).save(Fixtures.merchant(merchant.value()));
    }

    /**
     * A sale of batch 1 journaled under {@link #SN} and its payment row for {@code merchant}, as the payment store
     * writes it for the entry's request id.
     */
    private void sale(MerchantId merchant, String paymentId, int trace, PaymentState state, long fen, boolean settled) {
        int batch = 1;
        journal.record(entry(batch, trace, BatchEntry.Kind.SALE, fen));
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        RequestId.Terminal request = entry(batch, trace, BatchEntry.Kind.SALE, fen).request();
        database.dsl().insertInto(PAYMENTS)
                .set(PAYMENTS.MERCHANT_ID, merchant.value())
                .set(PAYMENTS.PAYMENT_ID, paymentId)
                .set(PAYMENTS.REQUEST_ID, request.value())
                .set(PAYMENTS.REQUEST_KIND, "TERMINAL")
                .set(PAYMENTS.TERMINAL_ID, request.terminal().value())
                .set(PAYMENTS.BATCH_NO, batch)
                .set(PAYMENTS.TRACE_NO, trace)
                .set(PAYMENTS.TERMINAL_SN, SN.value())
                .set(PAYMENTS.PAYMENT_METHOD, PaymentMethod.UNIONPAY_DEBIT.name())
                .set(PAYMENTS.CHANNEL, PaymentMethod.UNIONPAY_DEBIT.channel().name())
                .set(PAYMENTS.STATE, state.name())
                .set(PAYMENTS.AMOUNT_FEN, fen)
                .set(PAYMENTS.INSTALLMENTS, 0)
                .set(PAYMENTS.REFUNDED_FEN, 0L)
                .set(PAYMENTS.CREATED_AT, at)
                .set(PAYMENTS.UPDATED_AT, at)
                .set(PAYMENTS.SETTLED_AT, settled ? at : null)
                .set(PAYMENTS.ROW_VERSION, 1)
                .execute();
    }

    private String rowText() {
        List<Object> values = database.dsl().selectFrom(TERMINAL_KEYS).where(TERMINAL_KEYS.TERMINAL_SN.eq(SN.value())).fetchOne().intoList();
        return values.toString();
    }
}
