package io.shoudan.sandbox.unionpay;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.ChinaTime;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.consumer.BuyerRefusal;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.Consumers;
import io.shoudan.sandbox.consumer.FundingSource;
import io.shoudan.sandbox.consumer.PaymentCodes;
import io.shoudan.sandbox.consumer.Redemption;
import io.shoudan.sandbox.fault.ChannelReply;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultGate;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.MerchantStatus;
import io.shoudan.sandbox.merchant.Merchants;
import io.shoudan.sandbox.merchant.SignedProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated UnionPay acquiring host for bank cards and UnionPay QR: sale, void, refund, reversal
 * and query, answering with ISO 8583 field 39. Card accounts are the consumers' bank cards (a debit
 * card spends its balance, a credit card its available limit). Message encoding (8583 bytes, MAC,
 * PIN block) is the iso8583 module's job; this host receives decoded fields.
 */
public final class UnionPaySimulator {

    private final Consumers consumers;
    private final Merchants merchants;
    private final PaymentCodes codes;
    private final FaultGate gate;
    private final Clock clock;
    private final SandboxSettings settings;
    private final Object monitor;

    private final Map<HostTransaction.Key, HostTransaction> byKey = new HashMap<>();
    private final Map<String, HostTransaction> byRrn = new HashMap<>();
    private final List<HostTransaction> pending = new ArrayList<>();
    private long sequence;

    public UnionPaySimulator(Consumers consumers, Merchants merchants, PaymentCodes codes, FaultGate gate, Clock clock,
                             SandboxSettings settings, Object monitor) {
        this.consumers = consumers;
        this.merchants = merchants;
        this.codes = codes;
        this.gate = gate;
        this.clock = clock;
        this.settings = settings;
        this.monitor = monitor;
    }

    /** First 6 and last 4 digits, as a receipt shows a card number. */
    public static String mask(String pan) {
        if (pan == null || pan.length() < 10) {
            return "****";
        }
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }

    private HostResponse systemError(TransactionType type, TerminalRef terminal, Money amount) {
        return HostResponse.refused(type.responseMti(), type.processingCode(), terminal, amount,
                ChinaTime.of(clock.instant()), ResponseCode.SYSTEM_ERROR);
    }

    // ---------------------------------------------------------------------------------------------
    // sale: card

    public ChannelReply<HostResponse> sale(CardSaleRequest request) {
        return gate.call(Channel.UNIONPAY, Operation.PAY, request.terminal().stan(),
                fault -> systemError(TransactionType.SALE, request.terminal(), request.amount()),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return cardSaleNow(request);
                    }
                });
    }

    private HostResponse cardSaleNow(CardSaleRequest request) {
        TerminalRef terminal = request.terminal();
        Optional<HostResponse> early = merchantOrRepeat(TransactionType.SALE, terminal, request, request.amount());
        if (early.isPresent()) {
            return early.get();
        }
        HostTransaction txn = newTransaction(TransactionType.SALE, terminal, request, request.amount());
        txn.pan = request.pan();
        Optional<Consumer> owner = consumers.cardOwner(request.pan());
        if (owner.isEmpty()) {
            return decline(txn, ResponseCode.INVALID_CARD);
        }
        FundingSource.BankCard card = owner.get().cardByPan(request.pan()).orElseThrow();
        txn.cardholder = owner.get().id();
        txn.card = card.id();
        Optional<ResponseCode> cardRefusal = refuseCard(card);
        if (cardRefusal.isPresent()) {
            return decline(txn, cardRefusal.get());
        }
        ChannelMerchant merchant = merchant(terminal);
        SignedProduct needed = card.kind() == CardKind.DEBIT ? SignedProduct.UNIONPAY_DEBIT : SignedProduct.UNIONPAY_CREDIT;
        if (!merchant.hasSigned(needed)) {
            return decline(txn, ResponseCode.NOT_PERMITTED_TO_TERMINAL);
        }
        if (card.pin() != null && !card.pin().matches(request.pin())) {
            return decline(txn, ResponseCode.INCORRECT_PIN);
        }
        Optional<ResponseCode> amountRefusal = refuseAmount(owner.get(), merchant, card, request.amount(), clock.instant());
        if (amountRefusal.isPresent()) {
            return decline(txn, amountRefusal.get());
        }
        return approve(txn, clock.instant());
    }

    // ---------------------------------------------------------------------------------------------
    // sale: UnionPay QR

    public ChannelReply<HostResponse> qrSale(QrSaleRequest request) {
        return gate.call(Channel.UNIONPAY, Operation.PAY, request.terminal().stan(),
                fault -> systemError(TransactionType.SALE, request.terminal(), request.amount()),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return qrSaleNow(request, forced);
                    }
                });
    }

    private HostResponse qrSaleNow(QrSaleRequest request, Optional<Fault.UserPaying> forced) {
        TerminalRef terminal = request.terminal();
        Optional<HostResponse> early = merchantOrRepeat(TransactionType.SALE, terminal, request, request.amount());
        if (early.isPresent()) {
            return early.get();
        }
        HostTransaction txn = newTransaction(TransactionType.SALE, terminal, request, request.amount());
        ChannelMerchant merchant = merchant(terminal);
        if (!merchant.hasSigned(SignedProduct.UNIONPAY_QR)) {
            return decline(txn, ResponseCode.NOT_PERMITTED_TO_TERMINAL);
        }
        Redemption redemption = codes.redeem(request.qrCode(), Channel.UNIONPAY);
        if (redemption instanceof Redemption.Expired) {
            return decline(txn, ResponseCode.EXPIRED);
        }
        if (!(redemption instanceof Redemption.Valid valid)) {
            return decline(txn, ResponseCode.INVALID_CARD);
        }
        Consumer holder = consumers.get(valid.code().consumer());
        FundingSource.BankCard card = (FundingSource.BankCard) holder.source(holder.unionpayQrCard());
        txn.cardholder = holder.id();
        txn.card = card.id();
        txn.pan = card.pan();
        Instant now = clock.instant();
        Optional<ResponseCode> refusal = refuseQrHolder(holder, merchant, card, request.amount(), now);
        if (refusal.isPresent()) {
            return decline(txn, refusal.get());
        }
        if (forced.isPresent() || holder.password().required(request.amount())) {
            Optional<Duration> after = forced.isPresent()
                    ? forced.get().confirmsAfter()
                    : holder.password().confirmsAfter();
            txn.status = TransactionStatus.PENDING;
            txn.field39 = ResponseCode.IN_PROGRESS;
            txn.confirmAt = after.map(now::plus).orElse(null);
            txn.deadline = now.plus(settings.buyerConfirmWindow());
            txn.response = response(txn, ResponseCode.IN_PROGRESS);
            pending.add(txn);
            return txn.response;
        }
        return approve(txn, now);
    }

    private Optional<ResponseCode> refuseQrHolder(Consumer holder, ChannelMerchant merchant,
                                                  FundingSource.BankCard card, Money amount, Instant at) {
        Optional<BuyerRefusal> refusal = BuyerRefusal.check(holder, amount,
                consumers.spentOn(holder.id(), ChinaTime.dateOf(at)));
        if (refusal.isPresent()) {
            return Optional.of(switch (refusal.get()) {
                case ACCOUNT_FROZEN, NOT_REAL_NAME_CERTIFIED -> ResponseCode.NOT_PERMITTED_TO_CARDHOLDER;
                case RISK_CONTROLLED -> ResponseCode.SUSPECTED_FRAUD;
                case SINGLE_PAYMENT_LIMIT_EXCEEDED, DAILY_LIMIT_EXCEEDED -> ResponseCode.EXCEEDS_AMOUNT_LIMIT;
            });
        }
        Optional<ResponseCode> cardRefusal = refuseCard(card);
        if (cardRefusal.isPresent()) {
            return cardRefusal;
        }
        return refuseAmount(holder, merchant, card, amount, at);
    }

    private static Optional<ResponseCode> refuseCard(FundingSource.BankCard card) {
        return switch (card.status()) {
            case ACTIVE -> Optional.empty();
            case DO_NOT_HONOUR -> Optional.of(ResponseCode.DO_NOT_HONOUR);
            case RESTRICTED -> Optional.of(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
            case ISSUER_UNAVAILABLE -> Optional.of(ResponseCode.ISSUER_INOPERATIVE);
        };
    }

    private Optional<ResponseCode> refuseAmount(Consumer holder, ChannelMerchant merchant, FundingSource.BankCard card,
                                                Money amount, Instant at) {
        Money spentToday = consumers.spentOn(holder.id(), ChinaTime.dateOf(at));
        if (amount.isGreaterThan(merchant.perTradeLimit())
                || amount.isGreaterThan(holder.limits().singlePaymentLimit())
                || spentToday.plus(amount).isGreaterThan(holder.limits().dailyLimit())) {
            return Optional.of(ResponseCode.EXCEEDS_AMOUNT_LIMIT);
        }
        if (card.available().isLessThan(amount)) {
            return Optional.of(ResponseCode.INSUFFICIENT_FUNDS);
        }
        return Optional.empty();
    }

    /**
     * The checks every message starts with: a known merchant (03), not blocked (58), a positive
     * amount (13), and field 11 not used before on this terminal — a repeat of the same message gets
     * the first answer again, a different message with the same field 11 is a duplicate (94).
     */
    private Optional<HostResponse> merchantOrRepeat(TransactionType type, TerminalRef terminal, Object request,
                                                    Money amount) {
        Instant now = clock.instant();
        Optional<ChannelMerchant> merchant = merchants.find(MerchantKey.unionpay(terminal.merchantId()));
        if (merchant.isEmpty()) {
            return Optional.of(HostResponse.refused(type.responseMti(), type.processingCode(), terminal, amount,
                    ChinaTime.of(now), ResponseCode.INVALID_MERCHANT));
        }
        if (merchant.get().status() == MerchantStatus.BLOCKED) {
            return Optional.of(HostResponse.refused(type.responseMti(), type.processingCode(), terminal, amount,
                    ChinaTime.of(now), ResponseCode.NOT_PERMITTED_TO_TERMINAL));
        }
        if (!amount.isPositive()) {
            return Optional.of(HostResponse.refused(type.responseMti(), type.processingCode(), terminal, amount,
                    ChinaTime.of(now), ResponseCode.INVALID_AMOUNT));
        }
        HostTransaction earlier = byKey.get(HostTransaction.Key.of(terminal));
        if (earlier != null) {
            return Optional.of(earlier.type == type && earlier.request.equals(request)
                    ? earlier.response
                    : HostResponse.refused(type.responseMti(), type.processingCode(), terminal, amount,
                            ChinaTime.of(now), ResponseCode.DUPLICATE_TRANSMISSION));
        }
        return Optional.empty();
    }

    private ChannelMerchant merchant(TerminalRef terminal) {
        return merchants.find(MerchantKey.unionpay(terminal.merchantId())).orElseThrow();
    }

    private HostTransaction newTransaction(TransactionType type, TerminalRef terminal, Object request, Money amount) {
        sequence++;
        HostTransaction txn = new HostTransaction(HostTransaction.Key.of(terminal), type, request, clock.instant(),
                amount);
        txn.rrn = String.format("%012d", sequence);
        byKey.put(txn.key, txn);
        byRrn.put(txn.rrn, txn);
        return txn;
    }

    private HostResponse decline(HostTransaction txn, ResponseCode code) {
        txn.status = TransactionStatus.DECLINED;
        txn.field39 = code;
        txn.response = response(txn, code);
        return txn.response;
    }

    private HostResponse approve(HostTransaction txn, Instant at) {
        consumers.debit(txn.cardholder, txn.card, txn.amount);
        consumers.recordSpend(txn.cardholder, ChinaTime.dateOf(at), txn.amount);
        merchants.recordReceipt(MerchantKey.unionpay(txn.key.merchantId()), ChinaTime.dateOf(at), txn.amount,
                txn.amount);
        txn.status = txn.status == TransactionStatus.PENDING
                ? txn.status.become(TransactionStatus.APPROVED)
                : TransactionStatus.APPROVED;
        txn.field39 = ResponseCode.APPROVED;
        txn.response = response(txn, ResponseCode.APPROVED);
        return txn.response;
    }

    private HostResponse response(HostTransaction txn, ResponseCode code) {
        boolean approved = code == ResponseCode.APPROVED;
        return new HostResponse(txn.type.responseMti(), txn.type.processingCode(), txn.pan == null ? null : mask(txn.pan),
                txn.amount, txn.key.stan(), ChinaTime.of(clock.instant()), txn.rrn,
                approved ? String.format("%06d", Math.floorMod(txn.rrn.hashCode(), 1_000_000)) : null, code,
                txn.key.terminalId(), txn.key.merchantId(), null, null);
    }

    /**
     * QR sales waiting for the cardholder move on when their time comes: confirmed (approved, or
     * declined if the card no longer covers it) or, past the window, declined 05.
     */
    private void resolveDue() {
        Instant now = clock.instant();
        pending.sort(Comparator.comparing(this::dueAt).thenComparing(t -> t.rrn));
        Iterator<HostTransaction> it = pending.iterator();
        while (it.hasNext()) {
            HostTransaction txn = it.next();
            if (txn.status != TransactionStatus.PENDING) {
                it.remove();
                continue;
            }
            Instant due = dueAt(txn);
            if (now.isBefore(due)) {
                break;
            }
            it.remove();
            if (confirmsInTime(txn)) {
                Consumer holder = consumers.get(txn.cardholder);
                FundingSource.BankCard card = (FundingSource.BankCard) holder.source(txn.card);
                Optional<ResponseCode> refusal = refuseQrHolder(holder, merchant(
                        new TerminalRef(txn.key.merchantId(), txn.key.terminalId(), txn.key.stan())), card, txn.amount, due);
                if (refusal.isEmpty()) {
                    approve(txn, due);
                    continue;
                }
                txn.moveTo(TransactionStatus.DECLINED);
                txn.field39 = refusal.get();
            } else {
                // The cardholder never confirmed: the host declines.
                txn.moveTo(TransactionStatus.DECLINED);
                txn.field39 = ResponseCode.DO_NOT_HONOUR;
            }
            txn.response = response(txn, txn.field39);
        }
    }

    private boolean confirmsInTime(HostTransaction txn) {
        return txn.confirmAt != null && txn.confirmAt.isBefore(txn.deadline);
    }

    private Instant dueAt(HostTransaction txn) {
        return confirmsInTime(txn) ? txn.confirmAt : txn.deadline;
    }

    private void giveBack(HostTransaction original, Money amount) {
        consumers.credit(original.cardholder, original.card, amount);
        merchants.pay(MerchantKey.unionpay(original.key.merchantId()), amount);
    }

    // ---------------------------------------------------------------------------------------------
    // void

    public ChannelReply<HostResponse> voidSale(VoidRequest request) {
        return gate.call(Channel.UNIONPAY, Operation.VOID, request.terminal().stan(),
                fault -> systemError(TransactionType.VOID, request.terminal(), request.amount()),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return voidNow(request);
                    }
                });
    }

    private HostResponse voidNow(VoidRequest request) {
        TerminalRef terminal = request.terminal();
        Optional<HostResponse> early = merchantOrRepeat(TransactionType.VOID, terminal, request, request.amount());
        if (early.isPresent()) {
            return early.get();
        }
        HostTransaction original = byKey.get(new HostTransaction.Key(terminal.merchantId(), terminal.terminalId(),
                request.originalStan()));
        HostTransaction txn = newTransaction(TransactionType.VOID, terminal, request, request.amount());
        if (original == null || original.type != TransactionType.SALE) {
            return decline(txn, ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        }
        txn.pan = original.pan;
        if (original.status != TransactionStatus.APPROVED || original.refunded.isPositive()
                || !ChinaTime.dateOf(original.createdAt).equals(ChinaTime.dateOf(clock.instant()))) {
            return decline(txn, ResponseCode.INVALID_TRANSACTION);
        }
        if (!original.amount.equals(request.amount())) {
            return decline(txn, ResponseCode.ORIGINAL_AMOUNT_INCORRECT);
        }
        if (request.pan() != null && !request.pan().equals(original.pan)) {
            return decline(txn, ResponseCode.INVALID_CARD);
        }
        giveBack(original, original.amount);
        original.moveTo(TransactionStatus.VOIDED);
        txn.status = TransactionStatus.APPROVED;
        txn.field39 = ResponseCode.APPROVED;
        txn.response = response(txn, ResponseCode.APPROVED);
        return txn.response;
    }

    // ---------------------------------------------------------------------------------------------
    // refund

    public ChannelReply<HostResponse> refund(RefundRequest request) {
        return gate.call(Channel.UNIONPAY, Operation.REFUND, request.terminal().stan(),
                fault -> systemError(TransactionType.REFUND, request.terminal(), request.amount()),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return refundNow(request);
                    }
                });
    }

    private HostResponse refundNow(RefundRequest request) {
        TerminalRef terminal = request.terminal();
        Optional<HostResponse> early = merchantOrRepeat(TransactionType.REFUND, terminal, request, request.amount());
        if (early.isPresent()) {
            return early.get();
        }
        HostTransaction original = byRrn.get(request.originalRrn());
        HostTransaction txn = newTransaction(TransactionType.REFUND, terminal, request, request.amount());
        if (original == null || original.type != TransactionType.SALE
                || !original.key.merchantId().equals(terminal.merchantId())) {
            return decline(txn, ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        }
        txn.pan = original.pan;
        if (original.status != TransactionStatus.APPROVED) {
            return decline(txn, ResponseCode.INVALID_TRANSACTION);
        }
        if (request.amount().isGreaterThan(original.amount.minus(original.refunded))) {
            return decline(txn, ResponseCode.INVALID_AMOUNT);
        }
        giveBack(original, request.amount());
        original.refunded = original.refunded.plus(request.amount());
        txn.status = TransactionStatus.APPROVED;
        txn.field39 = ResponseCode.APPROVED;
        txn.response = response(txn, ResponseCode.APPROVED);
        return txn.response;
    }

    // ---------------------------------------------------------------------------------------------
    // reversal

    public ChannelReply<HostResponse> reversal(ReversalRequest request) {
        TerminalRef terminal = request.terminal();
        return gate.call(Channel.UNIONPAY, Operation.CANCEL, terminal.stan(),
                fault -> HostResponse.refused("0410", TransactionType.SALE.processingCode(), terminal, null,
                        ChinaTime.of(clock.instant()), ResponseCode.SYSTEM_ERROR),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return reversalNow(terminal);
                    }
                });
    }

    private HostResponse reversalNow(TerminalRef terminal) {
        HostTransaction original = byKey.get(HostTransaction.Key.of(terminal));
        if (original == null) {
            return HostResponse.refused("0410", TransactionType.SALE.processingCode(), terminal, null,
                    ChinaTime.of(clock.instant()), ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        }
        if (original.type != TransactionType.SALE || original.refunded.isPositive()) {
            // Reversing a void or refund, or a sale already partly refunded, is not simulated.
            return reversalAnswer(original, ResponseCode.INVALID_TRANSACTION);
        }
        switch (original.status) {
            case APPROVED -> {
                giveBack(original, original.amount);
                original.moveTo(TransactionStatus.REVERSED);
            }
            case PENDING -> {
                original.moveTo(TransactionStatus.REVERSED);
                pending.remove(original);
            }
            case DECLINED, REVERSED, VOIDED -> {
                // Nothing moved, or it was already undone: the reversal is done.
            }
        }
        return reversalAnswer(original, ResponseCode.APPROVED);
    }

    private HostResponse reversalAnswer(HostTransaction original, ResponseCode code) {
        return new HostResponse("0410", original.type.processingCode(), original.pan == null ? null : mask(original.pan),
                original.amount, original.key.stan(), ChinaTime.of(clock.instant()), original.rrn, null, code,
                original.key.terminalId(), original.key.merchantId(), null, null);
    }

    // ---------------------------------------------------------------------------------------------
    // query

    public ChannelReply<HostResponse> query(QueryRequest request) {
        TerminalRef terminal = request.terminal();
        return gate.call(Channel.UNIONPAY, Operation.QUERY, terminal.stan(),
                fault -> HostResponse.refused("0210", "310000", terminal, null, ChinaTime.of(clock.instant()),
                        ResponseCode.SYSTEM_ERROR),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        HostTransaction original = byKey.get(HostTransaction.Key.of(terminal));
                        if (original == null) {
                            return HostResponse.refused("0210", "310000", terminal, null,
                                    ChinaTime.of(clock.instant()), ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
                        }
                        HostResponse r = original.response;
                        return new HostResponse(r.mti(), r.processingCode(), r.maskedPan(), r.amount(), r.stan(),
                                ChinaTime.of(clock.instant()), r.rrn(), r.authorizationCode(), ResponseCode.APPROVED,
                                r.terminalId(), r.merchantId(), original.status, original.field39);
                    }
                });
    }
}
