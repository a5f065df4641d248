package io.shoudan.store.terminal8583;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.key.MasterKeyCipher;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.store.terminal8583.MasterKeyCheckRepository.Verdict;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import io.shoudan.terminal.TerminalSn;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.MASTER_KEY_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

abstract class MasterKeyCheckContract extends StoreContract {

    private static final String KEY_A = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";
    private static final MasterKeyCipher A = cipher(KEY_A);
    private static final MasterKeyCipher B = cipher("1F1E1D1C1B1A191817161514131211100F0E0D0C0B0A09080706050403020100");

    private MasterKeyCheckRepository check;

    MasterKeyCheckContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        check = new MasterKeyCheckRepository(database, clock, new SecureRandom());
    }

    @Test
    void theFirstKeyIsRecordedAndOpensTheStoreOnEveryLaterStart() {
        assertThat(check.recorded()).isEmpty();

        assertThat(check.verify(A)).isEqualTo(new Verdict.Recorded(A.checkValue()));
        assertThat(check.verify(A)).isEqualTo(new Verdict.Opens(A.checkValue()));
        assertThat(new MasterKeyCheckRepository(database, clock, new SecureRandom()).verify(A)).isEqualTo(new Verdict.Opens(A.checkValue()));
        assertThat(check.recorded()).contains(A.checkValue());
    }

    @Test
    void anotherKeyDoesNotOpenTheStoreAndIsToldWhichKeySealedIt() {
        check.verify(A);

        assertThat(check.verify(B)).isEqualTo(new Verdict.DoesNotOpen(B.checkValue(), Optional.of(A.checkValue())));
        assertThat(check.recorded()).contains(A.checkValue());
    }

    @Test
    void aStoreSealedBeforeTheCheckExistedIsCheckedAgainstItsTerminalKeysBeforeAnyKeyIsRecorded() {
        new TerminalKeyRepository(database, A, clock).loadMasterKey(new TerminalSn("SN-1"),
                DesKey.ofHex("CA5D92598DCA48CE8A4C76361A9269E9"), KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);

        assertThat(check.verify(B)).isEqualTo(new Verdict.DoesNotOpen(B.checkValue(), Optional.empty()));
        assertThat(check.recorded()).isEmpty();
        assertThat(check.verify(A)).isEqualTo(new Verdict.Recorded(A.checkValue()));
    }

    @Test
    void theRowHoldsNeitherTheMasterKeyNorAnythingThatOpensWithoutIt() {
        check.verify(A);

        String row = database.dsl().selectFrom(MASTER_KEY_CHECK).fetchOne().intoList().toString();
        assertThat(row).doesNotContainIgnoringCase(KEY_A).contains(A.checkValue().toString());
    }

    private static MasterKeyCipher cipher(String hex) {
        return new MasterKeyCipher(HexFormat.of().parseHex(hex), new SecureRandom());
    }
}
