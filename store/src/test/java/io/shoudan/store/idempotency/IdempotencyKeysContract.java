package io.shoudan.store.idempotency;

import io.shoudan.merchant.MerchantId;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import io.shoudan.terminal.TerminalSn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

abstract class IdempotencyKeysContract extends StoreContract {

    private static final MerchantId MERCHANT = new MerchantId("M100001");
    private static final RequestKey KEY = RequestKey.terminal(new TerminalSn("LKL-A8-000123"), 1, 42);
    private static final RequestFingerprint SALE_100 = RequestFingerprint.of("sale|ALIPAY|10000|0");
    private static final RequestFingerprint SALE_200 = RequestFingerprint.of("sale|ALIPAY|20000|0");
    private static final int RACE_ROUNDS = 25;

    private IdempotencyKeys keys;

    IdempotencyKeysContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        keys = new IdempotencyKeys(database, clock);
    }

    @Test
    void theFirstClaimOfAKeyOwnsTheRequest() {
        Claim claim = keys.claim(MERCHANT, KEY, SALE_100);

        assertThat(claim).isInstanceOf(Claim.FirstSeen.class);
        assertThat(claim.record().fingerprint()).isEqualTo(SALE_100);
        assertThat(claim.record().isCompleted()).isFalse();
        assertThat(claim.record().response()).isNull();
        assertThat(keys.find(MERCHANT, KEY)).contains(claim.record());
    }

    @Test
    void aRetryWithTheSameContentIsRepeatedAndGetsTheFirstRecord() {
        Claim first = keys.claim(MERCHANT, KEY, SALE_100);

        Claim retry = keys.claim(MERCHANT, KEY, SALE_100);

        assertThat(retry).isEqualTo(new Claim.Repeated(first.record()));
    }

    @Test
    void aRetryWithOtherContentIsChangedAndSeesTheOriginalFingerprint() {
        keys.claim(MERCHANT, KEY, SALE_100);

        Claim changed = keys.claim(MERCHANT, KEY, SALE_200);

        assertThat(changed).isInstanceOf(Claim.Changed.class);
        assertThat(changed.record().fingerprint()).isEqualTo(SALE_100);
    }

    @Test
    void theSameKeyOfAnotherMerchantIsAnotherRequest() {
        keys.claim(MERCHANT, KEY, SALE_100);

        assertThat(keys.claim(new MerchantId("M100002"), KEY, SALE_200)).isInstanceOf(Claim.FirstSeen.class);
    }

    @Test
    void theAnswerIsStoredOnceAndReplayedToRetries() {
        keys.claim(MERCHANT, KEY, SALE_100);

        assertThat(keys.complete(MERCHANT, KEY, "P-1", "{\"result\":\"SUCCEEDED\"}")).isTrue();
        assertThat(keys.complete(MERCHANT, KEY, "P-2", "{\"result\":\"FAILED\"}")).isFalse();

        Claim retry = keys.claim(MERCHANT, KEY, SALE_100);
        assertThat(retry).isInstanceOf(Claim.Repeated.class);
        assertThat(retry.record().paymentId()).isEqualTo("P-1");
        assertThat(retry.record().response()).isEqualTo("{\"result\":\"SUCCEEDED\"}");
        assertThat(retry.record().completedAt()).isNotNull();
    }

    @Test
    void aDeclineWithoutPaymentIsStoredToo() {
        keys.claim(MERCHANT, KEY, SALE_100);

        assertThat(keys.complete(MERCHANT, KEY, null, "{\"result\":\"DECLINED\"}")).isTrue();

        assertThat(keys.find(MERCHANT, KEY).orElseThrow().paymentId()).isNull();
    }

    @Test
    void completingAKeyNeverClaimedDoesNothing() {
        assertThat(keys.complete(MERCHANT, KEY, "P-1", "{}")).isFalse();
        assertThat(keys.find(MERCHANT, KEY)).isEmpty();
    }

    @Test
    void whenTwoThreadsClaimTheSameKeyOneWinsAndTheOtherGetsTheWinnersRow() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            RequestKey key = RequestKey.outTradeNo("order-" + round);
            List<Claim> claims = race(key, SALE_100, SALE_100);

            assertThat(claims).filteredOn(c -> c instanceof Claim.FirstSeen).as("round %d", round).hasSize(1);
            assertThat(claims).filteredOn(c -> c instanceof Claim.Repeated).as("round %d", round).hasSize(1);
            assertThat(claims.get(0).record()).isEqualTo(claims.get(1).record());
        }
    }

    @Test
    void whenTwoThreadsClaimTheSameKeyWithOtherContentTheLoserSeesTheWinnersContent() throws Exception {
        for (int round = 0; round < RACE_ROUNDS; round++) {
            RequestKey key = RequestKey.outTradeNo("order-" + round);
            List<Claim> claims = race(key, SALE_100, SALE_200);

            Claim winner = claims.stream().filter(c -> c instanceof Claim.FirstSeen).findFirst().orElseThrow();
            Claim loser = claims.stream().filter(c -> c != winner).findFirst().orElseThrow();
            assertThat(loser).as("round %d", round).isInstanceOf(Claim.Changed.class);
            assertThat(loser.record()).isEqualTo(winner.record());
        }
    }

    private List<Claim> race(RequestKey key, RequestFingerprint first, RequestFingerprint second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Claim>> futures = new ArrayList<>();
            for (RequestFingerprint fingerprint : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return keys.claim(MERCHANT, key, fingerprint);
                }));
            }
            start.countDown();
            List<Claim> claims = new ArrayList<>();
            for (Future<Claim> future : futures) {
                claims.add(future.get());
            }
            return claims;
        } finally {
            pool.shutdownNow();
        }
    }
}
