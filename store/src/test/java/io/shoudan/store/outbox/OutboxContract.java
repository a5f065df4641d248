package io.shoudan.store.outbox;

import io.shoudan.merchant.MerchantId;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class OutboxContract extends StoreContract {

    private static final MerchantId M1 = new MerchantId("M1");
    private static final MerchantId M2 = new MerchantId("M2");
    private static final Topic SUCCEEDED = new Topic("payment.succeeded");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private Outbox outbox;

    OutboxContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        outbox = new Outbox(database, clock);
    }

    @Test
    void messagesComeOutInTheOrderTheyWereAppendedAcrossMerchants() {
        OutboxMessage a = outbox.append(M2, SUCCEEDED, "{\"n\":1}");
        OutboxMessage b = outbox.append(M1, SUCCEEDED, "{\"n\":2}");
        OutboxMessage c = outbox.append(M2, new Topic("refund.succeeded"), "{\"n\":3,\"备注\":\"退款\"}");

        List<OutboxMessage> polled = outbox.poll(10, LEASE);

        assertThat(polled).extracting(OutboxMessage::id).containsExactly(a.id(), b.id(), c.id());
        assertThat(polled).extracting(OutboxMessage::id).isSorted();
        assertThat(polled.get(2)).isEqualTo(new OutboxMessage(M2, c.id(), c.topic(), c.payload(), c.createdAt(), 1));
    }

    @Test
    void aPollTakesAtMostMaxOldestFirstAndTheNextPollTheRest() {
        List<OutboxMessageId> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.add(outbox.append(i % 2 == 0 ? M1 : M2, SUCCEEDED, "{\"i\":" + i + "}").id());
        }

        List<OutboxMessage> first = outbox.poll(3, LEASE);
        List<OutboxMessage> second = outbox.poll(3, LEASE);

        assertThat(first).extracting(OutboxMessage::id).containsExactlyElementsOf(appended.subList(0, 3));
        assertThat(second).extracting(OutboxMessage::id).containsExactlyElementsOf(appended.subList(3, 5));
        assertThat(outbox.poll(3, LEASE)).isEmpty();
    }

    @Test
    void aLeasedMessageIsHandedOutAgainOnlyWhenTheLeaseRunsOut() {
        OutboxMessage message = outbox.append(M1, SUCCEEDED, "{}");
        outbox.poll(10, LEASE);

        clock.advance(LEASE.minusNanos(1000));
        assertThat(outbox.poll(10, LEASE)).isEmpty();

        clock.advance(Duration.ofNanos(1000));
        List<OutboxMessage> again = outbox.poll(10, LEASE);
        assertThat(again).extracting(OutboxMessage::id).containsExactly(message.id());
        assertThat(again.get(0).attempts()).isEqualTo(2);
    }

    @Test
    void aSentMessageIsNeverHandedOutAgain() {
        OutboxMessage message = outbox.append(M1, SUCCEEDED, "{}");
        OutboxMessage polled = outbox.poll(10, LEASE).get(0);

        assertThat(outbox.markSent(polled)).isTrue();
        assertThat(outbox.markSent(polled)).isFalse();

        clock.advance(LEASE.multipliedBy(10));
        assertThat(outbox.poll(10, LEASE)).isEmpty();
        assertThat(outbox.pendingCount()).isZero();
        assertThat(message.attempts()).isZero();
    }

    @Test
    void aReleasedMessageIsHandedOutAgainAtOnce() {
        outbox.append(M1, SUCCEEDED, "{}");
        OutboxMessage polled = outbox.poll(10, LEASE).get(0);

        assertThat(outbox.release(polled)).isTrue();

        assertThat(outbox.poll(10, LEASE)).extracting(OutboxMessage::id).containsExactly(polled.id());
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void aMessageAppendedInARolledBackTransactionNeverExisted() {
        assertThatThrownBy(() -> database.inTransactionDo(dsl -> {
            outbox.append(M1, SUCCEEDED, "{\"lost\":true}");
            throw new IllegalStateException("the payment failed to store");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.poll(10, LEASE)).isEmpty();
    }

    @Test
    void twoNodesPollingAtOnceNeverGetTheSameMessage() throws Exception {
        int messages = 60;
        for (int i = 0; i < messages; i++) {
            outbox.append(i % 3 == 0 ? M1 : M2, SUCCEEDED, "{\"i\":" + i + "}");
        }
        Outbox nodeA = new Outbox(database, clock);
        Outbox nodeB = new Outbox(database, clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            for (Outbox node : List.of(nodeA, nodeB)) {
                Callable<List<Long>> drain = () -> {
                    start.await();
                    List<Long> got = new ArrayList<>();
                    List<OutboxMessage> batch;
                    while (!(batch = node.poll(4, LEASE)).isEmpty()) {
                        for (OutboxMessage message : batch) {
                            got.add(message.id().value());
                            node.markSent(message);
                        }
                    }
                    return got;
                };
                results.add(pool.submit(drain));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                List<Long> got = result.get();
                assertThat(got).as("each node's messages in order").isSorted();
                all.addAll(got);
            }

            Collections.sort(all);
            assertThat(all).hasSize(messages).doesNotHaveDuplicates();
            assertThat(outbox.pendingCount()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPollMustAskForOneToAThousandMessagesWithAPositiveLease() {
        assertThatThrownBy(() -> outbox.poll(0, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.poll(1001, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.poll(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
