package io.shoudan.payment;

import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalKind;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.InMemoryPaymentStore;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel;
import io.shoudan.payment.testing.SimulatedChannel.PayFault;
import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.shoudan.payment.testing.PaymentWorld.MERCHANT;
import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each way a channel can leave the outcome open ends in exactly one final state, with the money right. */
class UnknownOutcomeTest {

    private final PaymentWorld world = new PaymentWorld();
    private final PaymentService service = world.service();

    private Payment only() {
        assertThat(world.store.payments()).hasSize(1);
        return world.store.payments().getFirst();
    }

    private List<JournalKind> journalKinds(Payment payment) {
        return world.store.journalsOf(payment.id()).stream().map(Journal::kind).toList();
    }

    private void assertLedgerSound() {
        LedgerReport report = service.checkLedger();
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        // the channel's money and the acquirer's books agree: what the channel holds is what was taken less what went back
        Money taken = world.alipay.netTaken(MERCHANT).plus(world.wechat.netTaken(MERCHANT)).plus(world.unionPay.netTaken(MERCHANT));
        Money booked = Money.ZERO;
        for (Payment payment : world.store.payments()) {
            if (payment.state().wasCaptured()) {
                booked = booked.plus(payment.amount()).minus(payment.refunded());
            }
        }
        assertThat(taken).isEqualTo(booked);
    }

    @ParameterizedTest(name = "{0}: timeout after the money moved, the first query finds it paid")
    @CsvSource({"ALIPAY, 3", "WECHAT_PAY, 5"})
    void aTimeoutThenAQueryThatFindsItPaidSucceedsOnce(PaymentMethod method, long firstDelaySeconds) {
        world.channel(method.channel()).nextPay(PayFault.LOST_AFTER_PAID);

        SaleOutcome outcome = service.sale(sale("000002-000001", method, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        Payment payment = only();
        assertThat(payment.history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.SUCCEEDED);
        assertThat(world.time.sleeps()).containsExactly(Duration.ofSeconds(firstDelaySeconds));
        assertThat(journalKinds(payment)).containsExactly(JournalKind.SALE, JournalKind.FEE);
        assertLedgerSound();
    }

    @Test
    void aSystemErrorAfterTheMoneyMovedIsSettledByQueryNotTreatedAsAFailure() {
        world.alipay.nextPay(PayFault.SYSTEM_ERROR_AFTER_PAID);
        assertThat(service.sale(sale("000002-000002", PaymentMethod.ALIPAY, "100.00"))).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(only().history().get(1).raw()).isEqualTo(new RawCode("20000/ACQ.SYSTEM_ERROR"));
        assertLedgerSound();
    }

    @Test
    void userPayingThenTheConsumerConfirmsSucceedsAfterAsManyQueriesAsItTook() {
        world.wechat.nextPay(PayFault.CONSUMER_CONFIRMS).confirmAfterQueries(3);

        SaleOutcome outcome = service.sale(sale("000002-000003", PaymentMethod.WECHAT_PAY, "36.50"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(world.wechat.queryCalls()).isEqualTo(3);
        assertThat(world.time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(only().history().get(1).raw()).isEqualTo(new RawCode("USERPAYING"));
        assertLedgerSound();
    }

    @Test
    void userPayingThenTheConsumerCancelsFailsWithoutACancelFromUs() {
        world.alipay.nextPay(PayFault.CONSUMER_DECLINES).confirmAfterQueries(2);

        SaleOutcome outcome = service.sale(sale("000002-000004", PaymentMethod.ALIPAY, "36.50"));

        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Failed.class, failed ->
                assertThat(failed.payment().failure().raw()).isEqualTo(new RawCode("TRADE_CLOSED")));
        assertThat(only().history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.FAILED);
        assertThat(world.alipay.cancelCalls()).isZero();
        assertLedgerSound();
    }

    @ParameterizedTest(name = "{0}: queried for {1} s, then cancelled")
    @CsvSource({"ALIPAY, 60, 12", "WECHAT_PAY, 45, 5"})
    void aConsumerWhoNeverConfirmsIsQueriedOnTheChannelsScheduleThenCancelledAndReversed(PaymentMethod method, long querySeconds, int queries) {
        SimulatedChannel channel = world.channel(method.channel());
        channel.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS);

        SaleOutcome outcome = service.sale(sale("000002-000005", method, "128.00"));

        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Reversed.class, reversed -> {
            assertThat(reversed.payment().failure().reason()).isEqualTo(ReasonCode.NETWORK_CHANNEL_TIMEOUT);
            assertThat(reversed.payment().reversalReturnedMoney()).isFalse();
        });
        assertThat(world.time.slept()).isEqualTo(Duration.ofSeconds(querySeconds));
        assertThat(channel.queryCalls()).isEqualTo(queries);
        assertThat(channel.cancelCalls()).isEqualTo(1);
        assertThat(journalKinds(only())).isEmpty();
        assertThat(channel.holdsMoneyOf(only().id())).isFalse();
        assertLedgerSound();
    }

    @Test
    void whenQueriesCannotReachAChannelThatTookTheMoneyTheCancelGivesItBackAndTheLedgerShowsBoth() {
        world.alipay.nextPay(PayFault.LOST_AFTER_PAID).queriesUnreachable(100);

        SaleOutcome outcome = service.sale(sale("000002-000006", PaymentMethod.ALIPAY, "500.00"));

        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Reversed.class, reversed ->
                assertThat(reversed.payment().reversalReturnedMoney()).isTrue());
        Payment payment = only();
        assertThat(journalKinds(payment)).containsExactly(JournalKind.SALE, JournalKind.REVERSAL);
        assertThat(world.alipay.holdsMoneyOf(payment.id())).isFalse();
        assertThat(service.checkLedger().merchants()).singleElement().satisfies(balance -> assertThat(balance.payable()).isEqualTo(Money.ZERO));
        assertLedgerSound();
    }

    @Test
    void aUnionPayCardSaleThatTimesOutIsReversedAtOnceWithoutQuerying() {
        world.unionPay.nextPay(PayFault.LOST_BEFORE_CHANNEL);

        SaleOutcome outcome = service.sale(sale("000002-000007", PaymentMethod.UNIONPAY_CREDIT, "300.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(world.unionPay.queryCalls()).isZero();
        assertThat(world.unionPay.cancelCalls()).isEqualTo(1);
        assertThat(world.time.slept()).isEqualTo(Duration.ZERO);
        assertLedgerSound();
    }

    @Test
    void cancelsThatKeepFailingLeaveThePaymentUnknownUntilRecoveryFinishesIt() {
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS).cancelsFailing(5);

        SaleOutcome first = service.sale(sale("000002-000008", PaymentMethod.ALIPAY, "20.00"));

        assertThat(first).isInstanceOfSatisfying(SaleOutcome.StillUnknown.class, unknown ->
                assertThat(unknown.payment().state()).isEqualTo(PaymentState.UNKNOWN));
        assertThat(world.alipay.cancelCalls()).isEqualTo(5);

        RecoveryReport report = world.service().recover();

        assertThat(report.payments()).singleElement().isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(report.stillUnknown()).isZero();
        assertThat(only().state()).isEqualTo(PaymentState.REVERSED);
        assertThat(world.service().recover().payments()).isEmpty();
        assertLedgerSound();
    }

    @Test
    void anAdapterThatThrowsIsAnUnknownOutcomeNeverARefusal() {
        PaymentService breaking = world.serviceWith(new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer pay(PayCommand command) {
                super.pay(command);
                throw new IllegalStateException("connection reset after sending " + command.instrument());
            }
        });

        SaleOutcome outcome = breaking.sale(sale("000002-000009", PaymentMethod.ALIPAY, "10.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(only().history().get(1).raw()).isEqualTo(new RawCode("EXCEPTION:IllegalStateException"));
        assertLedgerSound();
    }

    @ParameterizedTest(name = "crash at write {0}: the channel paid, we stored nothing of it, recovery ends SUCCEEDED once")
    @CsvSource({
            // write 1 inserts PROCESSING; write 2 is SUCCEEDED (channel answered) — lost
            "NONE, 2",
            // write 2 is UNKNOWN (channel answer lost) — lost too
            "LOST_AFTER_PAID, 2",
            // UNKNOWN stored, then the query finds it paid; write 3 (SUCCEEDED + journals) is lost
            "LOST_AFTER_PAID, 3",
    })
    void aStopBetweenTheChannelTakingTheMoneyAndUsStoringItIsRecoveredSucceededExactlyOnce(PayFault fault, int crashingWrite) {
        world.alipay.nextPay(fault);
        world.store.crashOnWrite(crashingWrite);

        assertThatThrownBy(() -> service.sale(sale("000002-000010", PaymentMethod.ALIPAY, "199.00")))
                .isInstanceOf(InMemoryPaymentStore.SimulatedCrash.class);
        assertThat(only().state()).isIn(PaymentState.PROCESSING, PaymentState.UNKNOWN);
        assertThat(world.store.journals()).isEmpty();
        assertThat(world.alipay.holdsMoneyOf(only().id())).isTrue();

        PaymentService restarted = world.service();
        RecoveryReport first = restarted.recover();
        RecoveryReport second = restarted.recover();

        assertThat(first.payments()).singleElement().isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(second.payments()).isEmpty();
        Payment payment = only();
        assertThat(payment.state()).isEqualTo(PaymentState.SUCCEEDED);
        assertThat(journalKinds(payment)).containsExactly(JournalKind.SALE, JournalKind.FEE);
        // the terminal's retry now gets the recovered answer, and the channel is not asked to pay again
        assertThat(restarted.sale(sale("000002-000010", PaymentMethod.ALIPAY, "199.00")))
                .isInstanceOfSatisfying(SaleOutcome.Succeeded.class, retry -> assertThat(retry.payment().id()).isEqualTo(payment.id()));
        assertThat(world.alipay.calls().get("pay")).isEqualTo(1);
        assertLedgerSound();
    }

    @Test
    void aStopBeforeTheChannelEverSawThePaymentIsRecoveredByCancellingIt() {
        // PROCESSING was stored, then the node died before calling the channel: the channel has no trade
        world.store.crashOnWrite(2);
        world.alipay.nextPay(PayFault.LOST_BEFORE_CHANNEL);
        assertThatThrownBy(() -> service.sale(sale("000002-000011", PaymentMethod.ALIPAY, "5.00")))
                .isInstanceOf(InMemoryPaymentStore.SimulatedCrash.class);

        RecoveryReport report = world.service().recover();

        assertThat(report.payments()).singleElement().isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(journalKinds(only())).isEmpty();
        assertLedgerSound();
    }

    @Test
    void recoveryLeavesAlonePaymentsAnotherNodeIsStillWorkingOn() {
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS).cancelsFailing(5);
        service.sale(sale("000002-000012", PaymentMethod.ALIPAY, "20.00"));

        assertThat(world.service().recover(Duration.ofMinutes(5)).payments()).isEmpty();
        world.time.advance(Duration.ofMinutes(5));
        assertThat(world.service().recover(Duration.ofMinutes(5)).payments()).singleElement().isInstanceOf(SaleOutcome.Reversed.class);
    }

    @Test
    void recoveryOnTheSameNodeLeavesAloneASaleThatIsStillWaitingForItsChannel() {
        AtomicReference<PaymentService> node = new AtomicReference<>();
        List<RecoveryReport> duringTheQueries = new ArrayList<>();
        node.set(world.serviceWith(new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer query(TradeRef trade) {
                // a periodic recovery run of this node, however old it takes the payment to be
                world.time.advance(Duration.ofMinutes(10));
                duringTheQueries.add(node.get().recover(Duration.ZERO));
                return super.query(trade);
            }
        }));
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS);

        SaleOutcome outcome = node.get().sale(sale("000002-000019", PaymentMethod.ALIPAY, "20.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(duringTheQueries).hasSize(RecoveryPlan.alipay().queryDelays().size())
                .allSatisfy(report -> assertThat(report.payments()).isEmpty());
        assertThat(world.alipay.cancelCalls()).isEqualTo(1);
        assertThat(only().history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.REVERSED);
        // once the sale has ended, nothing is left for recovery, and a later run finds nothing either
        assertThat(node.get().recover().payments()).isEmpty();
        assertLedgerSound();
    }

    @Test
    void aPlanCanBeConfiguredPerChannel() {
        PaymentService quick = world.service(Map.of(Channel.ALIPAY,
                new RecoveryPlan(RecoveryPlan.backoff(Duration.ofSeconds(1), 200, Duration.ofSeconds(4), Duration.ofSeconds(11)),
                        1, Duration.ZERO, 1, Duration.ZERO)));
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS);

        assertThat(quick.sale(sale("000002-000013", PaymentMethod.ALIPAY, "20.00"))).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(world.time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void theDefaultSchedulesFollowTheChannelsAdvice() {
        assertThat(RecoveryPlan.alipay().totalQueryTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RecoveryPlan.alipay().queryDelays()).allSatisfy(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6)));
        assertThat(RecoveryPlan.wechat().totalQueryTime()).isEqualTo(Duration.ofSeconds(45));
        assertThat(RecoveryPlan.unionPay().queryDelays()).isEmpty();
    }

    @Test
    void aPlansLongestHoldCountsEveryCallRunningIntoItsTimeoutAndEveryWait() {
        // 1 pay + 12 queries + 5 cancels, 10 s each; 60 s between queries; 4 × 3 s between cancels
        assertThat(RecoveryPlan.alipay().longestHold(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(180 + 60 + 12));
        // 1 pay + 5 queries + 5 cancels; 45 s; 4 × 5 s
        assertThat(RecoveryPlan.wechat().longestHold(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(110 + 45 + 20));
        // 1 sale + 3 reversals; 2 × 5 s
        assertThat(RecoveryPlan.unionPay().longestHold(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(40 + 10));
        assertThat(RecoveryPlan.unionPay().longestHold(Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aTerminalReversalOfAnUnresolvedSaleCancelsItAtOnce() {
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS).cancelsFailing(5);
        service.sale(sale("000002-000014", PaymentMethod.ALIPAY, "20.00"));
        int queriesBefore = world.alipay.queryCalls();

        SaleOutcome reversed = service.reverse(MERCHANT, new RequestId.Client("000002-000014"), new RequestId.Client("000002-000015"), Money.parse("20.00"));

        assertThat(reversed).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(world.alipay.queryCalls()).isEqualTo(queriesBefore);
        assertLedgerSound();
    }

    @Test
    void aTerminalReversalWhileTheNodesOwnQueriesAreOnTheSaleWaitsForThemAndTheRepeatedReversalVoidsIt() {
        AtomicReference<PaymentService> node = new AtomicReference<>();
        List<SaleOutcome> reversalsDuringTheQuery = new ArrayList<>();
        node.set(world.serviceWith(new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer query(TradeRef trade) {
                // the terminal gave up waiting and sends its reversal (0400) while the node queries
                reversalsDuringTheQuery.add(node.get().reverse(MERCHANT, new RequestId.Client("000002-000021"), new RequestId.Client("000002-000022"), Money.parse("20.00")));
                return super.query(trade);
            }
        }));
        world.alipay.nextPay(PayFault.LOST_AFTER_PAID);

        SaleOutcome sale = node.get().sale(sale("000002-000021", PaymentMethod.ALIPAY, "30.00"));

        assertThat(reversalsDuringTheQuery).singleElement().isInstanceOf(SaleOutcome.StillUnknown.class);
        assertThat(world.alipay.cancelCalls()).isZero();
        assertThat(sale).isInstanceOf(SaleOutcome.Succeeded.class);
        // the terminal repeats the reversal until answered: now the sale has ended, so it is voided
        assertThat(node.get().reverse(MERCHANT, new RequestId.Client("000002-000021"), new RequestId.Client("000002-000022"), Money.parse("20.00")))
                .isInstanceOfSatisfying(SaleOutcome.Succeeded.class, done -> assertThat(done.payment().state()).isEqualTo(PaymentState.VOIDED));
        assertLedgerSound();
    }

    @Test
    void aTerminalReversalOnAnotherNodeWhileThisNodeQueriesTheSaleWaitsForItThroughTheStoresClaim() {
        PaymentService otherNode = world.service();
        List<SaleOutcome> reversalsThere = new ArrayList<>();
        List<RecoveryReport> recoveriesThere = new ArrayList<>();
        PaymentService thisNode = world.serviceWith(new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer query(TradeRef trade) {
                // the terminal reconnected through the load balancer to the other node and sends its reversal there,
                // and that node's recovery runs, taking on payments however recent, late in this slow query's call
                reversalsThere.add(otherNode.reverse(MERCHANT, new RequestId.Client("000002-000023"), new RequestId.Client("000002-000024"), Money.parse("20.00")));
                world.time.advance(PaymentService.CALL_TIMEOUT_BOUND.minusSeconds(1));
                recoveriesThere.add(otherNode.recover());
                return super.query(trade);
            }
        });
        world.alipay.nextPay(PayFault.LOST_AFTER_PAID);

        SaleOutcome sale = thisNode.sale(sale("000002-000023", PaymentMethod.ALIPAY, "30.00"));

        assertThat(reversalsThere).singleElement().isInstanceOf(SaleOutcome.StillUnknown.class);
        assertThat(recoveriesThere).singleElement().satisfies(report -> assertThat(report.payments()).isEmpty());
        assertThat(world.alipay.cancelCalls()).isZero();
        assertThat(sale).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(otherNode.reverse(MERCHANT, new RequestId.Client("000002-000023"), new RequestId.Client("000002-000024"), Money.parse("20.00")))
                .isInstanceOfSatisfying(SaleOutcome.Succeeded.class, done -> assertThat(done.payment().state()).isEqualTo(PaymentState.VOIDED));
        assertLedgerSound();
    }

    @Test
    void beforeEachQueryAndCancelTheNodeExtendsItsClaimThroughThatCallAndTheWriteOfItsAnswerAndNoFurther() {
        List<String> claimsSeenByTheChannel = new ArrayList<>();
        PaymentService node = world.serviceOnNode("pos-gw-1", PaymentService.defaultPlans(), new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer query(TradeRef trade) {
                claimsSeenByTheChannel.add("query: " + claimLeft());
                return super.query(trade);
            }

            @Override
            public CancelAnswer cancel(TradeRef trade) {
                claimsSeenByTheChannel.add("cancel: " + claimLeft());
                return super.cancel(trade);
            }

            private String claimLeft() {
                InMemoryPaymentStore.Claim claim = world.store.claimOf(only().id()).orElseThrow();
                return claim.owner() + " for " + Duration.between(world.time.instant(), claim.until()).toSeconds() + " s";
            }
        });
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS).cancelsFailing(1);

        SaleOutcome outcome = node.sale(sale("000002-000025", PaymentMethod.ALIPAY, "20.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        // 12 queries and 2 cancels, each made with one call at its longest (30 s) and one write (30 s) left: a step
        assertThat(PaymentClaim.STEP_AFTER_WAIT).isEqualTo(Duration.ofSeconds(60));
        assertThat(claimsSeenByTheChannel).hasSize(14).allMatch(seen -> seen.endsWith(": pos-gw-1 for 60 s"));
        assertThat(claimsSeenByTheChannel.getLast()).startsWith("cancel");
        assertThat(world.store.claimOf(only().id())).as("released once settled").isEmpty();
        assertLedgerSound();
    }

    @Test
    void aSaleWhoseNodeDiedInItsQueryLoopIsRecoveredByAnotherNodeOnceTheStepItWasInHasEnded() {
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS).cancelsFailing(5);
        service.sale(sale("000002-000026", PaymentMethod.ALIPAY, "20.00"));
        // as a node that died while waiting to query leaves it: UNKNOWN, claimed through its longest wait (6 s) and a step
        Instant now = world.time.instant();
        Duration longestBlock = Duration.ofSeconds(6).plus(PaymentClaim.STEP_AFTER_WAIT);
        assertThat(world.store.claim(only().id(), "node-that-died", now.plus(longestBlock), now)).isTrue();

        assertThat(world.service().recover().payments()).as("claimed by a node that may still be working").isEmpty();
        world.time.advance(longestBlock.minusSeconds(1));
        assertThat(world.service().recover().payments()).as("one second before its step ends").isEmpty();
        world.time.advance(Duration.ofSeconds(1));
        assertThat(world.service().recover().payments()).singleElement().isInstanceOf(SaleOutcome.Reversed.class);
        // before claims were extended step by step, the dead node held it for the whole plan at its longest
        assertThat(RecoveryPlan.alipay().longestHold(PaymentService.CALL_TIMEOUT_BOUND)).isEqualTo(Duration.ofSeconds(612));
        assertLedgerSound();
    }

    @Test
    void aNodeWhoseClaimLapsedAndWasTakenByAnotherNodeMakesNoFurtherCallForThePayment() {
        List<String> thisNodesCalls = new ArrayList<>();
        PaymentService thisNode = world.serviceOnNode("pos-gw-1", PaymentService.defaultPlans(), new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer query(TradeRef trade) {
                thisNodesCalls.add("query");
                if (thisNodesCalls.size() == 2) {
                    // this node stalls in its second query (a long pause, a network partition) past the end of its
                    // claim's step, and the other node takes the claim over
                    stallPastTheStepWhileNodeTwoTakesTheClaim();
                }
                return super.query(trade);
            }

            @Override
            public CancelAnswer cancel(TradeRef trade) {
                thisNodesCalls.add("cancel");
                return super.cancel(trade);
            }
        });
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS);

        SaleOutcome outcome = thisNode.sale(sale("000002-000027", PaymentMethod.ALIPAY, "20.00"));

        assertThat(thisNodesCalls).containsExactly("query", "query");
        assertThat(outcome).isInstanceOf(SaleOutcome.StillUnknown.class);
        assertThat(world.store.claimOf(only().id())).as("the other node's claim is left to it")
                .hasValueSatisfying(claim -> assertThat(claim.owner()).isEqualTo("pos-gw-2"));
        assertThat(world.alipay.cancelCalls()).isZero();
    }

    @Test
    void aQueryThatOverranItsStepAndFoundTheSalePaidIsNotStoredOverTheCancelOfTheNodeThatTookTheClaimOver() {
        PaymentService otherNode = world.serviceOnNode("pos-gw-2");
        PaymentService thisNode = world.serviceOnNode("pos-gw-1", PaymentService.defaultPlans(), new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer query(TradeRef trade) {
                // the query hangs far past its step; the terminal's reversal reaches the other node, which takes the
                // lapsed claim over to cancel the sale
                stallPastTheStepWhileNodeTwoTakesTheClaim();
                return super.query(trade);
            }
        });
        world.alipay.nextPay(PayFault.LOST_AFTER_PAID);

        SaleOutcome answeredHere = thisNode.sale(sale("000002-000029", PaymentMethod.ALIPAY, "20.00"));
        SaleOutcome reversedThere = otherNode.reverse(MERCHANT, new RequestId.Client("000002-000029"), new RequestId.Client("000002-000030"), Money.parse("20.00"));

        assertThat(answeredHere).as("the query found it paid, but the claim was no longer this node's")
                .isInstanceOf(SaleOutcome.StillUnknown.class);
        assertThat(reversedThere).isInstanceOfSatisfying(SaleOutcome.Reversed.class, reversed ->
                assertThat(reversed.payment().reversalReturnedMoney()).isTrue());
        assertThat(journalKinds(only())).containsExactly(JournalKind.SALE, JournalKind.REVERSAL);
        assertLedgerSound();
    }

    /** Two minutes pass inside a channel call (its claim's step is one), and node pos-gw-2 claims the payment. */
    private void stallPastTheStepWhileNodeTwoTakesTheClaim() {
        world.time.advance(Duration.ofMinutes(2));
        Instant now = world.time.instant();
        assertThat(world.store.claim(only().id(), "pos-gw-2", now.plus(PaymentClaim.STEP_AFTER_WAIT), now)).isTrue();
    }

    @Test
    void aRestartedNodeTakesBackAtOnceTheSaleItsPreviousProcessHeldWhenItStopped() {
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS).cancelsFailing(5);
        world.serviceOnNode("pos-gw-1").sale(sale("000002-000028", PaymentMethod.ALIPAY, "20.00"));
        // the process of node pos-gw-1 died in its query loop, holding the claim
        Instant now = world.time.instant();
        assertThat(world.store.claim(only().id(), "pos-gw-1", now.plusSeconds(66), now)).isTrue();

        assertThat(world.serviceOnNode("pos-gw-2").recover().payments()).as("another node waits for the claim to end").isEmpty();
        assertThat(world.serviceOnNode("pos-gw-1").recover().payments()).as("the same node, restarted")
                .singleElement().isInstanceOf(SaleOutcome.Reversed.class);
        assertLedgerSound();
    }

    @Test
    void aTerminalReversalOfASucceededSaleVoidsIt() {
        service.sale(sale("000002-000016", PaymentMethod.UNIONPAY_DEBIT, "20.00"));

        SaleOutcome outcome = service.reverse(MERCHANT, new RequestId.Client("000002-000016"), new RequestId.Client("000002-000017"), Money.parse("20.00"));

        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Succeeded.class, done ->
                assertThat(done.payment().state()).isEqualTo(PaymentState.VOIDED));
        assertLedgerSound();
    }

    @Test
    void aReversalThatArrivesBeforeItsSaleEndsTheSaleReversedWithoutCallingTheChannel() {
        SaleOutcome early = service.reverse(MERCHANT, new RequestId.Client("late-1"), new RequestId.Client("late-1-R"), Money.parse("20.00"));
        assertThat(early).isInstanceOfSatisfying(SaleOutcome.ReversedBeforeArrival.class, noted ->
                assertThat(noted.note().amount()).isEqualTo(Money.parse("20.00")));

        SaleOutcome late = service.sale(sale("late-1", PaymentMethod.ALIPAY, "20.00"));

        assertThat(late).isInstanceOfSatisfying(SaleOutcome.Reversed.class, reversed -> {
            assertThat(reversed.payment().failure().reason()).isEqualTo(ReasonCode.OPERATION_TRADE_CLOSED);
            assertThat(reversed.payment().history()).extracting(Transition::to).containsExactly(PaymentState.REVERSED);
        });
        assertThat(world.alipay.calls().values()).as("calls at the channel").containsOnly(0);
        assertThat(journalKinds(only())).isEmpty();
        assertThat(service.sale(sale("late-1", PaymentMethod.ALIPAY, "20.00"))).as("the late sale retried")
                .isInstanceOfSatisfying(SaleOutcome.Reversed.class, again -> assertThat(again.payment()).isEqualTo(only()));
        assertThat(service.reverse(MERCHANT, new RequestId.Client("late-1"), new RequestId.Client("late-1-R"), Money.parse("20.00")))
                .as("the reversal retried after the sale").isInstanceOf(SaleOutcome.Reversed.class);
        assertLedgerSound();
    }

    @Test
    void aReversalRetriedBeforeItsSaleArrivesIsNotedOnce() {
        SaleOutcome first = service.reverse(MERCHANT, new RequestId.Client("late-2"), new RequestId.Client("late-2-R"), Money.parse("5.00"));
        SaleOutcome again = service.reverse(MERCHANT, new RequestId.Client("late-2"), new RequestId.Client("late-2-R"), Money.parse("5.00"));

        assertThat(again).isEqualTo(first);
        assertThat(world.store.findEarlyReversal(new IdempotencyKey(MERCHANT, new RequestId.Client("late-2"))))
                .contains(((SaleOutcome.ReversedBeforeArrival) first).note());
        assertThat(world.store.payments()).isEmpty();
    }

    @Test
    void aSaleTheGateRefusesAfterItsReversalStaysDeclined() {
        service.reverse(MERCHANT, new RequestId.Client("late-3"), new RequestId.Client("late-3-R"), Money.parse("0.00"));

        assertThat(service.sale(sale("late-3", PaymentMethod.ALIPAY, "0.00"))).isInstanceOf(SaleOutcome.Declined.class);
        assertThat(world.alipay.calls().values()).as("calls at the channel").containsOnly(0);
        assertLedgerSound();
    }

    /** Forbidden outcome: two nodes settling one payment into two final states, or booking it twice. */
    @Test
    void whenTwoNodesSettleTheSamePaymentTheSecondWriterAnswersWithTheFirstOnesState() {
        PaymentService otherNode = world.service(Map.of(Channel.ALIPAY,
                new RecoveryPlan(List.of(), 1, Duration.ZERO, 1, Duration.ZERO)));
        PaymentService thisNode = world.serviceWith(new ForwardingGateway(world.alipay) {
            @Override
            public ChannelAnswer pay(PayCommand command) {
                ChannelAnswer answer = super.pay(command);
                // before this node stores the answer (nothing claims a PROCESSING sale), another node's recovery
                // takes the payment on and cancels it
                otherNode.recover();
                return answer;
            }
        });
        world.alipay.nextPay(PayFault.CONSUMER_NEVER_CONFIRMS);

        SaleOutcome outcome = thisNode.sale(sale("000002-000018", PaymentMethod.ALIPAY, "20.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        // the other node's one query and one cancel; this node lost the write and ran no protocol of its own
        assertThat(world.alipay.queryCalls()).isEqualTo(1);
        assertThat(world.alipay.cancelCalls()).isEqualTo(1);
        assertThat(only().history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.REVERSED);
        assertLedgerSound();
    }
}
